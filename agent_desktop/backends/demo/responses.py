"""The demo contact center's standard responses, in English and French."""

from __future__ import annotations

from agent_desktop.core.standard_responses import StandardResponse


def _pair(
    key: str, category: tuple[str, str], en: tuple[str, str], fr: tuple[str, str]
) -> list[StandardResponse]:
    return [
        StandardResponse(
            id=f"{key}.en", category=category[0], title=en[0], text=en[1], language="en"
        ),
        StandardResponse(
            id=f"{key}.fr", category=category[1], title=fr[0], text=fr[1], language="fr"
        ),
    ]


GREETINGS = ("Greetings", "Accueil")
ORDERS = ("Orders", "Commandes")
CLOSING = ("Closing", "Clôture")

DEMO_RESPONSES: tuple[StandardResponse, ...] = tuple(
    _pair(
        "welcome",
        GREETINGS,
        ("Welcome", "Hello {contact.first_name}, I am {agent.nickname}. How can I help you today?"),
        (
            "Bienvenue",
            "Bonjour {contact.first_name}, je suis {agent.nickname}. "
            "Comment puis-je vous aider aujourd'hui ?",
        ),
    )
    + _pair(
        "one_moment",
        GREETINGS,
        ("One moment", "Thank you, {contact.first_name}. Let me check that for you, one moment."),
        ("Un instant", "Merci {contact.first_name}, je vérifie cela pour vous, un instant."),
    )
    + _pair(
        "still_there",
        GREETINGS,
        ("Are you still there?", "Are you still there, {contact.first_name}?"),
        ("Êtes-vous toujours là ?", "Êtes-vous toujours là, {contact.first_name} ?"),
    )
    + _pair(
        "order_number",
        ORDERS,
        (
            "Ask for the order number",
            "Could you give me your order number? It starts with CMD and is in your "
            "confirmation e-mail.",
        ),
        (
            "Demander le numéro de commande",
            "Pouvez-vous me donner votre numéro de commande ? Il commence par CMD et figure "
            "dans votre e-mail de confirmation.",
        ),
    )
    + _pair(
        "delivery_delay",
        ORDERS,
        (
            "Delivery delay",
            "I am sorry for the delay. Your parcel left our warehouse and should reach you "
            "within two working days.",
        ),
        (
            "Retard de livraison",
            "Je suis désolé pour ce retard. Votre colis a quitté notre entrepôt et devrait "
            "vous parvenir sous deux jours ouvrés.",
        ),
    )
    + _pair(
        "refund",
        ORDERS,
        (
            "Refund started",
            "Your refund was started on {date}. It shows on your account within 5 to 7 days.",
        ),
        (
            "Remboursement lancé",
            "Votre remboursement a été lancé le {date}. Il apparaîtra sur votre compte sous "
            "5 à 7 jours.",
        ),
    )
    + _pair(
        "transfer",
        CLOSING,
        (
            "Transfer to a colleague",
            "I am passing you to a colleague who knows this subject best. Please stay in the chat.",
        ),
        (
            "Transfert à un collègue",
            "Je vous transfère à un collègue spécialiste de ce sujet. Merci de rester en ligne.",
        ),
    )
    + _pair(
        "goodbye",
        CLOSING,
        (
            "Goodbye",
            "Thank you for contacting us, {contact.first_name}. Have a nice day! "
            "— {agent.nickname}",
        ),
        (
            "Au revoir",
            "Merci de nous avoir contactés, {contact.first_name}. Bonne journée ! "
            "— {agent.nickname}",
        ),
    )
)
