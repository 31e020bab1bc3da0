"""Scripted customers of the demo contact center, in French and English.

Phone numbers are in ranges reserved for fiction (France 06 39 98, UK 07700 900, US 555-01xx)
and e-mail addresses use the reserved ``example`` domains.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from agent_desktop.core.types import Channel

Language = Literal["fr", "en"]

#: what a customer nobody answered writes, once
NUDGES: dict[Language, str] = {"fr": "Allô ?", "en": "Hello? Anyone there?"}


@dataclass(frozen=True)
class Persona:
    """One customer with a reason to write and the lines they say, in order."""

    name: str
    language: Language
    channel: Channel
    opening: str
    #: said one by one, each after an answer from the agent
    follow_ups: tuple[str, ...]
    #: said after the last follow-up; the customer leaves shortly after
    goodbye: str
    email: str | None = None
    phone: str | None = None

    @property
    def nudge(self) -> str:
        return NUDGES[self.language]

    @property
    def replies(self) -> tuple[str, ...]:
        """Every line said in answer to the agent, the goodbye last."""
        return (*self.follow_ups, self.goodbye)


PERSONAS: tuple[Persona, ...] = (
    # French ---------------------------------------------------------------------------
    Persona(
        name="Marie Dupont",
        language="fr",
        channel=Channel.WEBCHAT,
        email="marie.dupont@example.fr",
        opening="Bonjour, je n'ai toujours pas reçu ma commande n° 48213 passée il y a 8 jours.",
        follow_ups=(
            "Le suivi indique « en cours d'acheminement » depuis mardi, c'est normal ?",
            "D'accord. Et si elle n'arrive pas d'ici vendredi, je peux être remboursée ?",
            "Très bien, vous pouvez m'envoyer le lien de suivi par e-mail ?",
        ),
        goodbye="Merci beaucoup pour votre aide, bonne journée !",
    ),
    Persona(
        name="Hélène Martin",
        language="fr",
        channel=Channel.WHATSAPP,
        phone="+33 6 39 98 12 34",
        opening="Bonjour ! Je déménage samedi, est-ce que je peux changer l'adresse de livraison "
        "de ma commande ?",
        follow_ups=(
            "La nouvelle adresse : 12 rue des Lilas, 69003 Lyon.",
            "Le colis est déjà parti de l'entrepôt d'après l'appli, ça pose problème ?",
        ),
        goodbye="Parfait, merci, bonne soirée.",
    ),
    Persona(
        name="Julien Moreau",
        language="fr",
        channel=Channel.MESSENGER,
        opening="Salut, j'ai été prélevé deux fois pour mon abonnement ce mois-ci 😕",
        follow_ups=(
            "Deux fois 14,99 €, le 3 et le 4 du mois.",
            "Le remboursement arrive sous combien de jours ?",
            "Ok, et je recevrai une confirmation par e-mail ?",
        ),
        goodbye="Super, merci ! À plus.",
    ),
    Persona(
        name="Camille Lefèvre",
        language="fr",
        channel=Channel.SMS,
        phone="+33 6 39 98 56 78",
        opening="Bonjour, je n'arrive plus à me connecter à mon espace client, mot de passe "
        "oublié.",
        follow_ups=(
            "J'ai demandé la réinitialisation mais je ne reçois aucun e-mail.",
            "Mon adresse c'est camille.lefevre@example.fr, j'ai vérifié les spams.",
        ),
        goodbye="Ça marche, j'ai pu me reconnecter. Merci !",
        email="camille.lefevre@example.fr",
    ),
    Persona(
        name="Rémi Garnier",
        language="fr",
        channel=Channel.TWITTER,
        opening="Colis reçu ce matin avec le carton éventré et l'écran de la tablette fissuré. "
        "Je fais comment ?",
        follow_ups=(
            "Oui j'ai des photos du carton et de l'écran.",
            "Je préfère un échange plutôt qu'un remboursement.",
            "Il faut que je dépose le colis en point relais ?",
        ),
        goodbye="Merci pour la réactivité 👍",
    ),
    Persona(
        name="Sophie Bernard",
        language="fr",
        channel=Channel.WEBCHAT,
        email="sophie.bernard@example.fr",
        opening="Bonjour, je voudrais passer de l'offre Premium à l'offre Essentiel.",
        follow_ups=(
            "Le changement prend effet quand ?",
            "Et je garde mes données et mon historique ?",
        ),
        goodbye="Merci, c'est très clair. Au revoir.",
    ),
    # English --------------------------------------------------------------------------
    Persona(
        name="John Carter",
        language="en",
        channel=Channel.WEBCHAT,
        email="john.carter@example.com",
        opening="Hi, I'm locked out of my account after too many password attempts.",
        follow_ups=(
            "My username is jcarter82, the e-mail on file should be john.carter@example.com.",
            "Got the reset link, but it says it has expired already.",
            "OK, the new link worked. Do I need to set up two-factor again?",
        ),
        goodbye="All sorted, thanks a lot!",
    ),
    Persona(
        name="Priya Shah",
        language="en",
        channel=Channel.WHATSAPP,
        phone="+44 7700 900123",
        opening="Hello, I returned a pair of shoes two weeks ago and haven't had my refund yet.",
        follow_ups=(
            "The return number is RT-55902.",
            "It was paid by card. How long does it usually take to show up?",
        ),
        goodbye="Brilliant, thank you for checking. Have a good day!",
    ),
    Persona(
        name="Michael O'Brien",
        language="en",
        channel=Channel.TWITTER,
        opening="Third day in a row my delivery has been 'out for delivery' and never arrives. "
        "What's going on?",
        follow_ups=(
            "Order 77120-B. I was home all day, nobody knocked.",
            "Can I pick it up at the depot instead?",
            "Which hours is the depot open?",
        ),
        goodbye="Fine, I'll go tomorrow morning. Thanks.",
    ),
    Persona(
        name="Emily Nguyen",
        language="en",
        channel=Channel.MESSENGER,
        opening="Hi! My last invoice shows a charge I don't recognise, 'Premium add-on', $9.99.",
        follow_ups=(
            "I never signed up for that, can you remove it?",
            "Will I get the $9.99 back?",
        ),
        goodbye="Perfect, thanks for your help 😊",
    ),
    Persona(
        name="David Kim",
        language="en",
        channel=Channel.SMS,
        phone="+1 202 555 0142",
        opening="Hi, I need to change the delivery address on order 30418, I typed the wrong "
        "apartment number.",
        follow_ups=(
            "It should be apartment 4B, not 48.",
            "Will it still arrive on Thursday?",
        ),
        goodbye="Great, thanks!",
    ),
    Persona(
        name="Laura Schmidt",
        language="en",
        channel=Channel.WEBCHAT,
        email="laura.schmidt@example.org",
        opening="Hello, the promo code SPRING20 isn't working at checkout.",
        follow_ups=(
            "It says 'code not valid for the items in your basket'.",
            "I have a jacket and two T-shirts in my basket.",
            "Oh I see, could you apply the discount manually then?",
        ),
        goodbye="Thank you, that's very kind. Bye!",
    ),
)
