<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>The messaging backend could not be started: {0}</source>
        <extracomment>the main window has been painted once (start-up is over: see _after_first_paint) the composer&apos;s unsent text of every chat, kept across restarts unconfirmed messages, sent again after a reconnect or a restart</extracomment>
        <translation>Le serveur de messagerie n’a pas pu démarrer : {0}</translation>
    </message>
    <message>
        <source>Log in to your Matrix account.</source>
        <translation>Connectez-vous à votre compte Matrix.</translation>
    </message>
    <message>
        <source>Your session has expired or was signed out. Please log in again.</source>
        <translation>Votre session a expiré ou a été fermée. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>The homeserver refused the login. Check the user and password.</source>
        <translation>Le serveur d&apos;accueil a refusé la connexion. Vérifiez l&apos;utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The homeserver&apos;s certificate is not trusted ({0}), so the connection was refused. If your organisation uses its own certificate authority, ask your administrator to set it as ca_file in the Matrix settings.</source>
        <translation>Le certificat du serveur d&apos;accueil n&apos;est pas reconnu ({0}) : la connexion a été refusée. Si votre organisation a sa propre autorité de certification, demandez à votre administrateur de l&apos;indiquer dans ca_file, dans les réglages Matrix.</translation>
    </message>
    <message>
        <source>Could not connect: {0}. Check the homeserver address.</source>
        <translation>Connexion impossible : {0}. Vérifiez l&apos;adresse du serveur d&apos;accueil.</translation>
    </message>
    <message>
        <source>Could not connect securely to the messaging backend: {0}. The connection was refused.</source>
        <extracomment>how often &quot;the agent is typing&quot; is re-sent while they keep typing the agent counts as no longer typing after this pause delivery states a receipt gave a message, further on than sent</extracomment>
        <translation>Connexion sécurisée au serveur de messagerie impossible : {0}. La connexion a été refusée.</translation>
    </message>
    <message>
        <source>Could not connect to the messaging backend: {0}</source>
        <translation>Connexion au serveur de messagerie impossible : {0}</translation>
    </message>
    <message>
        <source>Connected to the messaging backend again.</source>
        <extracomment>ContactPresence, ConversationReply, PublicPostReceived: for the conversation service delays between reconnection attempts (capped exponential, with jitter) told about every backend event after the session applied it (services/actions.py) records every agent message before the backend call (set by the OutboxKeeper) ended chats the agent wrote in, reactivated locally, not yet in the backend the last send of each interaction: the next one reaches the backend after it, so that messages keep their order (the outbox writes before them finish in any order) offers the agent accepted when the connection dropped under the call</extracomment>
        <translation>De nouveau connecté au système de messagerie.</translation>
    </message>
    <message>
        <source>the connection ended</source>
        <translation>la connexion a pris fin</translation>
    </message>
    <message>
        <source>Could not change your status: {0}</source>
        <translation>Impossible de changer votre statut : {0}</translation>
    </message>
    <message>
        <source>The connection dropped while the chat was being accepted: it is accepted as soon as the connection is back.</source>
        <translation>La connexion a été coupée pendant l&apos;acceptation du chat : il sera accepté dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Could not accept: {0}</source>
        <translation>Impossible d’accepter : {0}</translation>
    </message>
    <message>
        <source>Could not reject: {0}</source>
        <translation>Impossible de refuser : {0}</translation>
    </message>
    <message>
        <source>Could not end the chat: {0}</source>
        <translation>Impossible de terminer le chat : {0}</translation>
    </message>
    <message>
        <source>End the chat before marking it Done.</source>
        <translation>Terminez le chat avant de le marquer comme terminé.</translation>
    </message>
    <message>
        <source>Could not mark the interaction Done: {0}</source>
        <translation>Impossible de marquer l’interaction comme terminée : {0}</translation>
    </message>
    <message>
        <source>Could not start the e-mail: {0}</source>
        <translation>Impossible de commencer l&apos;e-mail : {0}</translation>
    </message>
    <message>
        <source>Could not start the call: {0}</source>
        <translation>Impossible de lancer l&apos;appel : {0}</translation>
    </message>
    <message>
        <source>Could not list your colleagues: {0}</source>
        <extracomment>a consultation of that customer interaction appeared, changed state or went away (query, list[Target]) the answer of :meth:`find_targets` the disposition or note of that interaction changed (iid, colleague&apos;s name) a consultation was accepted: recorded for the statistics</extracomment>
        <translation>Impossible de lister vos collègues : {0}</translation>
    </message>
    <message>
        <source>The chat was not transferred: {0}. It stays with you.</source>
        <translation>Le chat n&apos;a pas été transféré : {0}. Il reste chez vous.</translation>
    </message>
    <message>
        <source>The chat was transferred to {0}.</source>
        <translation>Le chat a été transféré à {0}.</translation>
    </message>
    <message>
        <source>{0} could not join the chat: {{0}}</source>
        <translation>{0} n&apos;a pas pu rejoindre le chat : {{0}}</translation>
    </message>
    <message>
        <source>Could not leave the conference: {0}</source>
        <translation>Impossible de quitter la conférence : {0}</translation>
    </message>
    <message>
        <source>Could not remove the participant: {0}</source>
        <translation>Impossible de retirer le participant : {0}</translation>
    </message>
    <message>
        <source>Finish the consultation with {0} first.</source>
        <translation>Terminez d&apos;abord la consultation avec {0}.</translation>
    </message>
    <message>
        <source>The consultation did not start: {0}</source>
        <translation>La consultation n&apos;a pas démarré : {0}</translation>
    </message>
    <message>
        <source>A message could not be sent: {0}</source>
        <translation>Un message n’a pas pu être envoyé : {0}</translation>
    </message>
    <message>
        <source>The conference did not start: {0}</source>
        <translation>La conférence n&apos;a pas démarré : {0}</translation>
    </message>
    <message>
        <source>Could not end the consultation: {0}</source>
        <translation>Impossible de terminer la consultation : {0}</translation>
    </message>
    <message>
        <source>There is no phone number for this contact.</source>
        <translation>Ce contact n&apos;a pas de numéro de téléphone.</translation>
    </message>
    <message>
        <source>The call could not be started: {0}</source>
        <translation>L&apos;appel n&apos;a pas pu être lancé : {0}</translation>
    </message>
    <message>
        <source>Calling {0}…</source>
        <translation>Appel de {0}…</translation>
    </message>
    <message>
        <source>There is no e-mail address for this contact.</source>
        <translation>Ce contact n&apos;a pas d&apos;adresse e-mail.</translation>
    </message>
    <message>
        <source>The e-mail could not be started: {0}</source>
        <translation>L&apos;e-mail n&apos;a pas pu être commencé : {0}</translation>
    </message>
    <message>
        <source>An e-mail to {0} was started.</source>
        <translation>Un e-mail à {0} a été commencé.</translation>
    </message>
    <message>
        <source>Choose a disposition code before marking the chat Done.</source>
        <translation>Choisissez un code de disposition avant de marquer le chat comme terminé.</translation>
    </message>
    <message>
        <source>{0} ended the consultation.</source>
        <translation>{0} a mis fin à la consultation.</translation>
    </message>
    <message>
        <source>Web chat</source>
        <translation>Chat Web</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Messenger</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Parti</translation>
    </message>
    <message>
        <source>No reply pending</source>
        <translation>Aucune réponse en attente</translation>
    </message>
    <message>
        <source>Reply pending</source>
        <translation>Réponse en attente</translation>
    </message>
    <message>
        <source>Reply overdue</source>
        <translation>Réponse en retard</translation>
    </message>
    <message>
        <source>Reply urgently overdue</source>
        <translation>Réponse très en retard</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>Suivi nécessaire</translation>
    </message>
    <message>
        <source>Information provided</source>
        <translation>Information fournie</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escaladé</translation>
    </message>
    <message>
        <source>No answer from contact</source>
        <translation>Pas de réponse du contact</translation>
    </message>
    <message>
        <source>Go Ready / Not Ready on the Chat channel</source>
        <translation>Passer à l’état Prêt / Non prêt sur le canal Chat</translation>
    </message>
    <message>
        <source>Accept the incoming chat</source>
        <translation>Accepter le chat entrant</translation>
    </message>
    <message>
        <source>Reject the incoming chat</source>
        <translation>Refuser le chat entrant</translation>
    </message>
    <message>
        <source>Go to the message field</source>
        <translation>Aller au champ Message</translation>
    </message>
    <message>
        <source>End the chat</source>
        <translation>Terminer le chat</translation>
    </message>
    <message>
        <source>Mark the interaction Done</source>
        <translation>Marquer l’interaction comme terminée</translation>
    </message>
    <message>
        <source>Next interaction</source>
        <translation>Interaction suivante</translation>
    </message>
    <message>
        <source>Previous interaction</source>
        <translation>Interaction précédente</translation>
    </message>
    <message>
        <source>Open the emoji picker</source>
        <translation>Ouvrir le sélecteur d’émojis</translation>
    </message>
    <message>
        <source>Push a web address (URL)</source>
        <translation>Envoyer une adresse Web (URL)</translation>
    </message>
    <message>
        <source>Larger transcript text (also Ctrl+wheel)</source>
        <translation>Agrandir le texte de la transcription (ou Ctrl+molette)</translation>
    </message>
    <message>
        <source>Smaller transcript text</source>
        <translation>Réduire le texte de la transcription</translation>
    </message>
    <message>
        <source>Transcript text at 100%</source>
        <translation>Texte de la transcription à 100 %</translation>
    </message>
    <message>
        <source>Standard responses (or / in the message)</source>
        <translation>Réponses standard (ou / dans le message)</translation>
    </message>
    <message>
        <source>Command palette: every action</source>
        <translation>Palette de commandes : toutes les actions</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nouvelle ligne dans le message</translation>
    </message>
    <message>
        <source>Next control</source>
        <translation>Commande suivante</translation>
    </message>
    <message>
        <source>Previous control</source>
        <translation>Commande précédente</translation>
    </message>
    <message>
        <source>Could not search the contacts: {0}</source>
        <extracomment>contacts listed at most in the Communication view keeps messages into contacts&apos; conversations until the backend takes them open Conversation tabs per contact (hold/release); pinned: kept for the session</extracomment>
        <translation>Impossible de rechercher les contacts : {0}</translation>
    </message>
    <message>
        <source>The chat has ended: the message was not sent.</source>
        <translation>Le chat est terminé : le message n’a pas été envoyé.</translation>
    </message>
    <message>
        <source>{0} was not sent. {1}</source>
        <translation>{0} n’a pas été envoyé. {1}</translation>
    </message>
    <message>
        <source>Could not start the chat: {0}</source>
        <translation>Impossible de démarrer le chat : {0}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <extracomment>what QImageReader.format() answers for each allowed format</extracomment>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>The image is too large to send ({0}).</source>
        <translation>L’image est trop lourde pour être envoyée ({0}).</translation>
    </message>
    <message>
        <source>Only PNG, JPEG, GIF and WebP images can be sent.</source>
        <translation>Seules les images PNG, JPEG, GIF et WebP peuvent être envoyées.</translation>
    </message>
    <message>
        <source>The image is damaged and cannot be sent.</source>
        <translation>L’image est endommagée et ne peut pas être envoyée.</translation>
    </message>
    <message>
        <source>The image has too many pixels to send ({0}).</source>
        <translation>L’image a trop de pixels pour être envoyée ({0}).</translation>
    </message>
    <message>
        <source>The file cannot be read ({0}).</source>
        <translation>Le fichier ne peut pas être lu ({0}).</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>it is too large</source>
        <translation>elle est trop volumineuse</translation>
    </message>
    <message>
        <source>only PNG, JPEG, GIF and WebP images are shown</source>
        <translation>seules les images PNG, JPEG, GIF et WebP sont affichées</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>elle est endommagée</translation>
    </message>
    <message>
        <source>it has too many pixels</source>
        <translation>elle a trop de pixels</translation>
    </message>
    <message>
        <source>it could not be downloaded</source>
        <translation>elle n’a pas pu être téléchargée</translation>
    </message>
    <message>
        <source>The image “{0}” from {1} is not shown: {2}.</source>
        <translation>L’image « {0} » envoyée par {1} n’est pas affichée : {2}.</translation>
    </message>
    <message>
        <source>The standard responses file could not be read ({0}); it was kept as {1}.</source>
        <translation>Le fichier des réponses standard n&apos;a pas pu être lu ({0}) ; il a été conservé sous {1}.</translation>
    </message>
    <message>
        <source>Could not export the interaction log: {0}</source>
        <extracomment>figures are recomputed at most this often while events stream in</extracomment>
        <translation>Impossible d&apos;exporter le journal des interactions : {0}</translation>
    </message>
    <message>
        <source>Call {0}</source>
        <extracomment>action key → object name of its menu entry</extracomment>
        <translation>Appeler {0}</translation>
    </message>
    <message>
        <source>E-mail {0}</source>
        <translation>Envoyer un e-mail à {0}</translation>
    </message>
    <message>
        <source>Remove {0} from the chat</source>
        <translation>Retirer {0} du chat</translation>
    </message>
    <message>
        <source>Leave the conference</source>
        <translation>Quitter la conférence</translation>
    </message>
    <message>
        <source>Actions for {0}</source>
        <translation>Actions pour {0}</translation>
    </message>
    <message>
        <source>No action for {0}</source>
        <translation>Aucune action pour {0}</translation>
    </message>
    <message>
        <source>Channel</source>
        <extracomment>``Qt.UserRole`` of a cell: the raw figure (int, float seconds, share 0..1, or None) ``Qt.UserRole + 1`` of any cell in a row: the channel value, &quot;&quot; for the total row</extracomment>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Traités</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transférés</translation>
    </message>
    <message>
        <source>Avg
handle</source>
        <translation>Traitement
moyen</translation>
    </message>
    <message>
        <source>Avg first
reply</source>
        <translation>1re réponse
moyenne</translation>
    </message>
    <message>
        <source>Worst first
reply</source>
        <translation>Pire 1re
réponse</translation>
    </message>
    <message>
        <source>Replies
≤ {0}</source>
        <translation>Réponses
≤ {0}</translation>
    </message>
    <message>
        <source>Avg
talk</source>
        <translation>Conversation
moyenne</translation>
    </message>
    <message>
        <source>Avg
wrap-up</source>
        <translation>Clôture
moyenne</translation>
    </message>
    <message>
        <source>Messages
in</source>
        <translation>Messages
reçus</translation>
    </message>
    <message>
        <source>Messages
out</source>
        <translation>Messages
envoyés</translation>
    </message>
    <message>
        <source>Rejected,
missed</source>
        <translation>Refusés,
manqués</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <source>Queue</source>
        <extracomment>how long typing in the search field settles before the backend is asked</extracomment>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Search colleagues</source>
        <translation>Rechercher des collègues</translation>
    </message>
    <message>
        <source>Search colleagues and queues</source>
        <translation>Rechercher des collègues et des files d&apos;attente</translation>
    </message>
    <message>
        <source>Colleagues and queues</source>
        <translation>Collègues et files d&apos;attente</translation>
    </message>
    <message>
        <source>Nobody matches.</source>
        <translation>Personne ne correspond.</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <source>Only web links (http:// or https://) can be sent to a contact.</source>
        <translation>Seuls les liens web (http:// ou https://) peuvent être envoyés à un contact.</translation>
    </message>
    <message>
        <source>Add https:// in front of the address.</source>
        <translation>Ajoutez https:// devant l&apos;adresse.</translation>
    </message>
    <message>
        <source>This is not a web address.</source>
        <translation>Ce n&apos;est pas une adresse web.</translation>
    </message>
    <message>
        <source>The address has no site name.</source>
        <translation>L&apos;adresse n&apos;a pas de nom de site.</translation>
    </message>
    <message>
        <source>Addresses with a user name (name@site) are refused: they can hide the real site.</source>
        <translation>Les adresses avec un nom d&apos;utilisateur (nom@site) sont refusées : elles peuvent cacher le vrai site.</translation>
    </message>
    <message>
        <source>A web address cannot contain spaces or hidden characters.</source>
        <translation>Une adresse web ne peut pas contenir d’espaces ni de caractères cachés.</translation>
    </message>
    <message>
        <source>A message you wrote could not be delivered because its chat is closed: “{0}”. It is kept and will be sent when possible.</source>
        <extracomment>messages whose interaction is gone and that nothing else can deliver (kept, not lost) an unconfirmed message reached the contact through their asynchronous conversation a message into a contact&apos;s conversation changed state (the feeds show it) txn ids already reported as undeliverable in this run (one notice each) outbox writes not yet known to be on disk, by txn id</extracomment>
        <translation>Un message que vous avez écrit n&apos;a pas pu être remis car son chat est fermé : « {0} ». Il est conservé et sera envoyé dès que possible.</translation>
    </message>
    <message>
        <source>{0} messages you wrote could not be delivered because their chats are closed (first: “{1}”). They are kept and will be sent when possible.</source>
        <translation>{0} messages que vous avez écrits n&apos;ont pas pu être remis car leurs chats sont fermés (premier : « {1} »). Ils sont conservés et seront envoyés dès que possible.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Agent Desktop</source>
        <extracomment>(component, licence, where its terms are) — plain text, shown as is</extracomment>
        <translation>À propos d’Agent Desktop</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>Version {0}</translation>
    </message>
    <message>
        <source>Qt {0}, PySide6 {1}, Python {2}</source>
        <translation>Qt {0}, PySide6 {1}, Python {2}</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Dossier des journaux</translation>
    </message>
    <message>
        <source>Not writing log files</source>
        <translation>Aucun fichier journal n’est écrit</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>À propos de Qt</translation>
    </message>
    <message>
        <source>Agent Desktop is built on these components, under their licences:</source>
        <translation>Agent Desktop repose sur les composants suivants, sous leurs licences respectives :</translation>
    </message>
    <message>
        <source>Emoji names and keywords come from Unicode CLDR through emojibase. Emoji graphics by Twitter, Inc and other contributors (Twemoji), licensed under CC-BY 4.0.</source>
        <translation>Les noms et mots-clés des émojis proviennent d’Unicode CLDR via emojibase. Images d’émojis de Twitter, Inc et d’autres contributeurs (Twemoji), sous licence CC-BY 4.0.</translation>
    </message>
    <message>
        <source>Qt is used under the GNU Lesser General Public License v3: you may replace the Qt libraries shipped in the program folder with your own build.</source>
        <translation>Qt est utilisé sous la licence GNU Lesser General Public License v3 : vous pouvez remplacer les bibliothèques Qt livrées dans le dossier du programme par votre propre version.</translation>
    </message>
</context>
<context>
    <name>ActionButtons</name>
    <message>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Transfer the chat to a colleague or queue</source>
        <translation>Transférer le chat à un collègue ou une file d&apos;attente</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conférence</translation>
    </message>
    <message>
        <source>Add a colleague to the chat</source>
        <translation>Ajouter un collègue au chat</translation>
    </message>
    <message>
        <source>Consult</source>
        <translation>Consulter</translation>
    </message>
    <message>
        <source>Chat with a colleague; the contact does not see it</source>
        <translation>Discuter avec un collègue ; le contact ne le voit pas</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <source>Call {0} ({1})</source>
        <translation>Appeler {0} ({1})</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>E-mail {0} ({1})</source>
        <translation>Envoyer un e-mail à {0} ({1})</translation>
    </message>
    <message>
        <source>Transferring…</source>
        <translation>Transfert…</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation>Appel…</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>Transfer the chat to…</source>
        <translation>Transférer le chat à…</translation>
    </message>
    <message>
        <source>Add to the chat…</source>
        <translation>Ajouter au chat…</translation>
    </message>
    <message>
        <source>Consult a colleague…</source>
        <translation>Consulter un collègue…</translation>
    </message>
</context>
<context>
    <name>ChannelSelector</name>
    <message>
        <source>Channel</source>
        <extracomment>start loading the previous page this close to the top (pixels) pause after the last keystroke before the search runs</extracomment>
        <translation>Canal</translation>
    </message>
    <message>
        <source>The channel your message goes out on</source>
        <translation>Le canal par lequel part votre message</translation>
    </message>
</context>
<context>
    <name>ChatExtras</name>
    <message>
        <source>Message length</source>
        <extracomment>a &quot;/&quot; command in the composer is at most this long (longer text is a message)</extracomment>
        <translation>Longueur du message</translation>
    </message>
    <message>
        <source>Reply window</source>
        <translation>Fenêtre de réponse</translation>
    </message>
    <message>
        <source>Idle contact</source>
        <translation>Contact inactif</translation>
    </message>
    <message>
        <source>Ask if they are still there</source>
        <translation>Demander s’il est toujours là</translation>
    </message>
    <message>
        <source>Ask if the contact is still there</source>
        <translation>Demander si le contact est toujours là</translation>
    </message>
    <message>
        <source>More than 24 hours have passed since the contact&apos;s last WhatsApp message: WhatsApp does not allow a free reply until they write again.</source>
        <translation>Plus de 24 heures se sont écoulées depuis le dernier message WhatsApp du contact : WhatsApp n&apos;autorise pas de réponse libre avant qu&apos;il écrive à nouveau.</translation>
    </message>
    <message>
        <source>WhatsApp reply window closes in {0}.</source>
        <translation>La fenêtre de réponse WhatsApp se ferme dans {0}.</translation>
    </message>
    <message>
        <source>The message is too long for this channel.</source>
        <translation>Le message est trop long pour ce canal.</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Envoyer le message (Entrée)</translation>
    </message>
    <message>
        <source>{0} · {1} SMS</source>
        <translation>{0} · {1} SMS</translation>
    </message>
    <message>
        <source>Unicode</source>
        <translation>Unicode</translation>
    </message>
    <message>
        <source>Too long: shorten the message to send it.</source>
        <translation>Trop long : raccourcissez le message pour l&apos;envoyer.</translation>
    </message>
    <message>
        <source>Characters used and allowed</source>
        <translation>Caractères utilisés et autorisés</translation>
    </message>
    <message>
        <source>{0} has not answered for {1} min.</source>
        <translation>{0} n&apos;a pas répondu depuis {1} min.</translation>
    </message>
    <message>
        <source>{0} has not answered for {1} s.</source>
        <translation>{0} n&apos;a pas répondu depuis {1} s.</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>The contact is idle</source>
        <translation>Le contact est inactif</translation>
    </message>
    <message>
        <source>Are you still there, {0}?</source>
        <translation>Êtes-vous toujours là, {0} ?</translation>
    </message>
    <message>
        <source>The standard response holds field codes this desktop does not know: {0}. Check the text before sending it.</source>
        <translation>La réponse standard contient des codes de champ inconnus de ce poste : {0}. Vérifiez le texte avant de l&apos;envoyer.</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Chat with {0}</source>
        <extracomment>rows of the next page still to measure; which page that is (older?, store row)</extracomment>
        <translation>Chat avec {0}</translation>
    </message>
    <message>
        <source>Contact</source>
        <extracomment>writing in the ended chat reactivates it (asynchronous chat, not yet Done) each guard sees the text about to be sent and returns True to keep it unsent (it tells the agent why); the emoji setting adds one</extracomment>
        <translation>Contact</translation>
    </message>
    <message>
        <source>End chat</source>
        <translation>Terminer le chat</translation>
    </message>
    <message>
        <source>End the chat (Ctrl+Shift+E)</source>
        <translation>Terminer le chat (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>Mark Done</source>
        <translation>Marquer comme terminé</translation>
    </message>
    <message>
        <source>Close the interaction (Ctrl+Shift+D)</source>
        <translation>Fermer l’interaction (Ctrl+Maj+D)</translation>
    </message>
    <message>
        <source>{0} is typing…</source>
        <translation>{0} est en train d’écrire…</translation>
    </message>
    <message>
        <source>Typing notice</source>
        <translation>Avis de saisie</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Envoyer le message (Entrée)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>The chat has ended. Mark it Done to close it.</source>
        <translation>Le chat est terminé. Marquez-le comme terminé pour le fermer.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>This chat and every earlier conversation with the contact</source>
        <translation>Ce chat et toutes les conversations précédentes avec le contact</translation>
    </message>
    <message>
        <source>The chat has ended. Write to continue the conversation, or mark it Done.</source>
        <translation>Le chat est terminé. Écrivez pour poursuivre la conversation, ou marquez-le Terminé.</translation>
    </message>
    <message>
        <source>Type your message — Enter to send, Shift+Enter for a new line</source>
        <translation>Tapez votre message — Entrée pour envoyer, Maj+Entrée pour aller à la ligne</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Search commands</source>
        <translation>Rechercher des commandes</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Tapez une commande…</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
</context>
<context>
    <name>CommunicationView</name>
    <message>
        <source>Communication</source>
        <extracomment>the contact-info column&apos;s width when it first shows</extracomment>
        <translation>Communication</translation>
    </message>
    <message>
        <source>Contacts</source>
        <extracomment>channels a contact has a session on now (set by the main window&apos;s wiring) the backend lets the agent write to a contact from here, open a chat with them</extracomment>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Rechercher des contacts</translation>
    </message>
    <message>
        <source>Search by name, e-mail or phone</source>
        <translation>Rechercher par nom, e-mail ou téléphone</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Toutes les conversations</translation>
    </message>
    <message>
        <source>Every conversation with the contact, SMS and WhatsApp included</source>
        <translation>Toutes les conversations avec le contact, SMS et WhatsApp compris</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>Private conversations</source>
        <translation>Conversations privées</translation>
    </message>
    <message>
        <source>Web chat, Messenger and X direct messages with the contact</source>
        <translation>Chat Web, Messenger et messages directs X avec le contact</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Public posts</source>
        <translation>Messages publics</translation>
    </message>
    <message>
        <source>Public Facebook posts and tweets that mention the company</source>
        <translation>Messages Facebook et tweets publics qui mentionnent l’entreprise</translation>
    </message>
    <message>
        <source>Select a contact to see your conversations.</source>
        <translation>Sélectionnez un contact pour voir vos conversations.</translation>
    </message>
    <message>
        <source>Contact info</source>
        <translation>Infos sur le contact</translation>
    </message>
    <message>
        <source>No chat channel with this contact.</source>
        <translation>Aucun canal de chat avec ce contact.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Open a {0} interaction</source>
        <translation>Ouvrir une interaction {0}</translation>
    </message>
    <message>
        <source>Open a {0} interaction with the contact</source>
        <translation>Ouvrir une interaction {0} avec le contact</translation>
    </message>
    <message>
        <source>Conversation with {0}</source>
        <translation>Conversation avec {0}</translation>
    </message>
    <message>
        <source>No web chat, Messenger or X conversation with this contact.</source>
        <translation>Aucune conversation par chat Web, Messenger ou X avec ce contact.</translation>
    </message>
    <message>
        <source>To write to this contact, use a chat with them.</source>
        <translation>Pour écrire à ce contact, passez par un chat avec lui.</translation>
    </message>
</context>
<context>
    <name>ComposerEdit</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Type your message — Enter to send, Shift+Enter for a new line</source>
        <translation>Tapez votre message — Entrée pour envoyer, Maj+Entrée pour aller à la ligne</translation>
    </message>
</context>
<context>
    <name>ComposerSpelling</name>
    <message>
        <source>No suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>Add “{0}” to the dictionary</source>
        <translation>Ajouter « {0} » au dictionnaire</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Orthographe</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
</context>
<context>
    <name>ComposerTools</name>
    <message>
        <source>Emoji</source>
        <translation>Émoji</translation>
    </message>
    <message>
        <source>Insert an emoji</source>
        <translation>Insérer un émoji</translation>
    </message>
    <message>
        <source>Push a link</source>
        <translation>Transmettre un lien</translation>
    </message>
    <message>
        <source>Send a link for the contact to open</source>
        <translation>Envoyer un lien que le contact pourra ouvrir</translation>
    </message>
    <message>
        <source>Emoji notice</source>
        <translation>Avis sur les émojis</translation>
    </message>
    <message>
        <source>Emoji are turned off in your settings, so this message cannot be sent. Remove the emoji to send it.</source>
        <translation>Les émojis sont désactivés dans vos paramètres : ce message ne peut pas être envoyé. Retirez l&apos;émoji pour l&apos;envoyer.</translation>
    </message>
</context>
<context>
    <name>ConnectArea</name>
    <message>
        <source>Communication</source>
        <translation>Communication</translation>
    </message>
    <message>
        <source>Connect: your conversations with contacts</source>
        <translation>Se connecter : vos conversations avec les contacts</translation>
    </message>
</context>
<context>
    <name>ConsultationView</name>
    <message>
        <source>Consultation with {0}</source>
        <translation>Consultation avec {0}</translation>
    </message>
    <message>
        <source>End the consultation</source>
        <translation>Terminer la consultation</translation>
    </message>
    <message>
        <source>Consultation transcript</source>
        <translation>Transcription de la consultation</translation>
    </message>
    <message>
        <source>Message to {0}</source>
        <translation>Message à {0}</translation>
    </message>
    <message>
        <source>Only {0} reads this</source>
        <translation>Seul(e) {0} lit ceci</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send to {0}</source>
        <translation>Envoyer à {0}</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Complete the transfer</source>
        <translation>Terminer le transfert</translation>
    </message>
    <message>
        <source>{0} takes over the chat with the contact</source>
        <translation>{0} reprend le chat avec le contact</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conférence</translation>
    </message>
    <message>
        <source>Turn into a conference</source>
        <translation>Transformer en conférence</translation>
    </message>
    <message>
        <source>{0} joins the chat with the contact</source>
        <translation>{0} rejoint le chat avec le contact</translation>
    </message>
    <message>
        <source>Waiting for {0} to answer…</source>
        <translation>En attente de la réponse de {0}…</translation>
    </message>
    <message>
        <source>Not visible to the contact</source>
        <translation>Invisible pour le contact</translation>
    </message>
    <message>
        <source>Transferring…</source>
        <translation>Transfert…</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Ajout…</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>{0} (connected)</source>
        <translation>{0} (connecté)</translation>
    </message>
    <message>
        <source>Connected now</source>
        <translation>Connecté en ce moment</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>Asynchronous conversation</source>
        <extracomment>thumbnails are decoded at most this many pixels a side a row: (is a separator, row of the message in the feed) only messages on these channels are shown (None: every message)</extracomment>
        <translation>Conversation asynchrone</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>Search the conversation</source>
        <extracomment>each guard sees the text about to be sent and returns True to keep it unsent (the emoji tools add one, as in the chat view)</extracomment>
        <translation>Rechercher dans la conversation</translation>
    </message>
    <message>
        <source>Search this conversation</source>
        <translation>Rechercher dans cette conversation</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Résultat précédent</translation>
    </message>
    <message>
        <source>Previous (older) match (Enter)</source>
        <translation>Résultat précédent (plus ancien) (Entrée)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Résultat suivant</translation>
    </message>
    <message>
        <source>Next (newer) match (Shift+Enter)</source>
        <translation>Résultat suivant (plus récent) (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Refresh the conversation</source>
        <translation>Actualiser la conversation</translation>
    </message>
    <message>
        <source>Conversation history</source>
        <translation>Historique de la conversation</translation>
    </message>
    <message>
        <source>Loading earlier messages…</source>
        <translation>Chargement des messages précédents…</translation>
    </message>
    <message>
        <source>Write to the contact — delivered when they are back if they are away</source>
        <translation>Écrivez au contact — remis à son retour s’il est absent</translation>
    </message>
    <message>
        <source>Attach an image</source>
        <translation>Joindre une image</translation>
    </message>
    <message>
        <source>Attach an image (PNG, JPEG, GIF or WebP)</source>
        <translation>Joindre une image (PNG, JPEG, GIF ou WebP)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Envoyer le message (Entrée)</translation>
    </message>
    <message>
        <source>Type your message — Enter to send, Shift+Enter for a new line</source>
        <extracomment>EMOJI HOOK: the emoji picker (issue 3) adds its ``emojiButton`` to this row with :meth:`add_composer_tool` and inserts into :attr:`composer`.</extracomment>
        <translation>Tapez votre message — Entrée pour envoyer, Maj+Entrée pour aller à la ligne</translation>
    </message>
    <message>
        <source>The chat has ended.</source>
        <translation>Le chat est terminé.</translation>
    </message>
    <message>
        <source>Images ({0})</source>
        <translation>Images ({0})</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Agent Desktop ran into a problem</source>
        <translation>Agent Desktop a rencontré un problème</translation>
    </message>
    <message>
        <source>Something went wrong inside Agent Desktop.</source>
        <translation>Une erreur inattendue s’est produite dans Agent Desktop.</translation>
    </message>
    <message>
        <source>The details were written to the log in {0}.</source>
        <translation>Les détails ont été enregistrés dans le journal, dans {0}.</translation>
    </message>
    <message>
        <source>You can keep working. If something no longer responds, quit and start Agent Desktop again.</source>
        <translation>Vous pouvez continuer à travailler. Si quelque chose ne répond plus, quittez Agent Desktop puis relancez-le.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
    <message>
        <source>Quit Agent Desktop</source>
        <translation>Quitter Agent Desktop</translation>
    </message>
</context>
<context>
    <name>DispositionPanel</name>
    <message>
        <source>Disposition and note</source>
        <extracomment>the note is handed over this long after the last keystroke (and on leaving the field)</extracomment>
        <translation>Disposition et note</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Disposition code</source>
        <translation>Code de disposition</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Notes about this interaction</source>
        <translation>Notes sur cette interaction</translation>
    </message>
    <message>
        <source>Required before Mark Done</source>
        <translation>Obligatoire avant Marquer comme terminé</translation>
    </message>
    <message>
        <source>— No disposition —</source>
        <translation>— Aucune disposition —</translation>
    </message>
</context>
<context>
    <name>EmojiGrid</name>
    <message>
        <source>Emoji</source>
        <translation>Émojis</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Emoji picker</source>
        <translation>Sélecteur d&apos;émojis</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Rechercher un émoji</translation>
    </message>
    <message>
        <source>Search emoji (English or French)</source>
        <translation>Rechercher un émoji (anglais ou français)</translation>
    </message>
    <message>
        <source>Skin tone</source>
        <translation>Couleur de peau</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récent</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Emoji name</source>
        <translation>Nom de l&apos;émoji</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claire</translation>
    </message>
    <message>
        <source>Medium-light</source>
        <translation>Moyennement claire</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Intermédiaire</translation>
    </message>
    <message>
        <source>Medium-dark</source>
        <translation>Moyennement foncée</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Foncée</translation>
    </message>
    <message>
        <source>No emoji matches “{0}”.</source>
        <translation>Aucun émoji ne correspond à « {0} ».</translation>
    </message>
    <message>
        <source>The emoji you send will appear here.</source>
        <translation>Les émojis que vous envoyez apparaîtront ici.</translation>
    </message>
</context>
<context>
    <name>FailedMessageMenu</name>
    <message>
        <source>Message not sent</source>
        <translation>Message non envoyé</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Discard (do not send)</source>
        <translation>Abandonner (ne pas envoyer)</translation>
    </message>
</context>
<context>
    <name>IncomingChatToast</name>
    <message>
        <source>Incoming chat</source>
        <translation>Chat entrant</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Accept the chat (Ctrl+Shift+A)</source>
        <translation>Accepter le chat (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>(no message yet)</source>
        <translation>(pas encore de message)</translation>
    </message>
    <message>
        <source>+{0} waiting</source>
        <translation>+{0} en attente</translation>
    </message>
</context>
<context>
    <name>InteractionBar</name>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
</context>
<context>
    <name>InteractionBarItem</name>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>InteractionPreview</name>
    <message>
        <source>Interaction preview</source>
        <translation>Aperçu de l’interaction</translation>
    </message>
    <message>
        <source>Elapsed: {0}</source>
        <translation>Durée : {0}</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Pas encore de message</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Matrix</source>
        <translation>Connexion à Matrix</translation>
    </message>
    <message>
        <source>Login status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Homeserver URL</source>
        <translation>Adresse du serveur d&apos;accueil</translation>
    </message>
    <message>
        <source>Matrix user</source>
        <translation>Utilisateur Matrix</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Team room</source>
        <translation>Salon d&apos;équipe</translation>
    </message>
    <message>
        <source>#team:example.org (optional)</source>
        <translation>#equipe:example.org (facultatif)</translation>
    </message>
    <message>
        <source>The room whose members are your colleagues, for transfers and consultations</source>
        <translation>Le salon dont les membres sont vos collègues, pour les transferts et les consultations</translation>
    </message>
    <message>
        <source>Homeserver</source>
        <translation>Serveur d&apos;accueil</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>LookAlikeLinkDialog</name>
    <message>
        <source>Check this link</source>
        <translation>Vérifiez ce lien</translation>
    </message>
    <message>
        <source>This link may imitate another site.</source>
        <translation>Ce lien imite peut-être un autre site.</translation>
    </message>
    <message>
        <source>The address shows:
    {0}
but really goes to:
    {1}

Some of its letters come from another alphabet and only look the same. Open it only if you trust it.</source>
        <translation>L’adresse affiche :
    {0}
mais mène en réalité à :
    {1}

Certaines de ses lettres viennent d’un autre alphabet et ne font que se ressembler. Ne l’ouvrez que si vous lui faites confiance.</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Ouvrir quand même</translation>
    </message>
    <message>
        <source>Do not open</source>
        <translation>Ne pas ouvrir</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Agent Desktop</source>
        <extracomment>the agent asks for the login dialog again (after closing it without logging in) the interaction shown (&quot;&quot; for none) and whether the window is active (talk time)</extracomment>
        <translation>Agent Desktop</translation>
    </message>
    <message>
        <source>Agent Desktop — {0}</source>
        <translation>Agent Desktop — {0}</translation>
    </message>
    <message>
        <source>Ready on the Chat channel</source>
        <extracomment>the desk is attached (see attach): until then the frame says it is starting draft key -&gt; (its composer, the widget whose signals a restore keeps quiet) the Connect area and Conversation tabs, once asynchronous chat is set up actions of controllers attached after construction, by shortcut action name</extracomment>
        <translation>Prêt sur le canal Chat</translation>
    </message>
    <message>
        <source>Ready / Not Ready on the Chat channel (Ctrl+Shift+R)</source>
        <translation>Prêt / Non prêt sur le canal Chat (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>About Agent Desktop</source>
        <translation>À propos d’Agent Desktop</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Log in…</source>
        <extracomment>the folder of the log files, shown in About (set by the composition root)</extracomment>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Log in to the messaging backend</source>
        <translation>Se connecter au service de messagerie</translation>
    </message>
    <message>
        <source>Your settings file could not be read; defaults are used. The unreadable file was kept as {0}.</source>
        <extracomment>transfer, conference, consultation, call / e-mail, disposition and note</extracomment>
        <translation>Votre fichier de paramètres est illisible ; les valeurs par défaut sont utilisées. Le fichier illisible a été conservé sous {0}.</translation>
    </message>
    <message>
        <source>No open interaction</source>
        <translation>Aucune interaction ouverte</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Not Ready</source>
        <translation>Non prêt</translation>
    </message>
    <message>
        <source>You receive chats</source>
        <translation>Vous recevez des chats</translation>
    </message>
    <message>
        <source>You receive no chats</source>
        <translation>Vous ne recevez aucun chat</translation>
    </message>
    <message>
        <source>No messaging backend is available. See the notice above.</source>
        <translation>Aucun serveur de messagerie n’est disponible. Voir l’avis ci-dessus.</translation>
    </message>
    <message>
        <source>You are Ready. New chats will appear here.</source>
        <translation>Vous êtes Prêt. Les nouveaux chats s’afficheront ici.</translation>
    </message>
    <message>
        <source>Go Ready to receive chats.</source>
        <translation>Passez à l’état Prêt pour recevoir des chats.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Échec de la connexion</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Today</source>
        <extracomment>messages whose size, shown text, links and emoji are kept: several times the rows a transcript window holds. Not more: a full cache replaces an old entry with each new one, which leaves CPython&apos;s young-object count unchanged, so the new entries pile up uncollected until the next collection has to walk them all (20,000 made that a 6-12 ms pause) the &quot;Show more…&quot; pill under a collapsed message an emoji image&apos;s side in its glyph&apos;s cell (the font&apos;s glyphs have side bearings) message id -&gt; (length of its text, the text painted, whether it is collapsed)</extracomment>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Show more…</source>
        <translation>Afficher plus…</translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation>{0} caractères</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent · click to retry</source>
        <translation>Non envoyé · cliquez pour réessayer</translation>
    </message>
    <message>
        <source>Not sent · discarded</source>
        <translation>Non envoyé · abandonné</translation>
    </message>
    <message>
        <source>✓✓ Read</source>
        <translation>✓✓ Lu</translation>
    </message>
</context>
<context>
    <name>MessageViewer</name>
    <message>
        <source>Whole message</source>
        <extracomment>the longest block the viewer&apos;s document holds (a longer line is cut into several) a chunk ends at a space when there is one this close to its end the user state of a block that continues the line of the block before it</extracomment>
        <translation>Message complet</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Tout copier</translation>
    </message>
    <message>
        <source>Copy the whole message</source>
        <translation>Copier tout le message</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Message from {0}</source>
        <translation>Message de {0}</translation>
    </message>
    <message>
        <source>{0}  ·  {1} characters</source>
        <translation>{0}  ·  {1} caractères</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Notice</source>
        <extracomment>the only kinds of link a click in a transcript may open the most characters of a notice the banner shows transcript zoom notches, in percent of the application font</extracomment>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer l’avis</translation>
    </message>
</context>
<context>
    <name>PartyDelegate</name>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collègue</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
</context>
<context>
    <name>PartyListView</name>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>PendingIndicator</name>
    <message>
        <source>Pending response</source>
        <translation>Réponse en attente</translation>
    </message>
    <message>
        <source>No reply pending</source>
        <translation>Aucune réponse en attente</translation>
    </message>
    <message>
        <source>Waiting {0}</source>
        <translation>En attente {0}</translation>
    </message>
    <message>
        <source>Overdue {0}</source>
        <translation>En retard {0}</translation>
    </message>
    <message>
        <source>Urgent {0}</source>
        <translation>Urgent {0}</translation>
    </message>
</context>
<context>
    <name>ProductivityController</name>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>End the chat</source>
        <translation>Terminer le chat</translation>
    </message>
    <message>
        <source>Mark Done</source>
        <translation>Marquer comme terminé</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transférer…</translation>
    </message>
    <message>
        <source>Conference…</source>
        <translation>Conférence…</translation>
    </message>
    <message>
        <source>Consult a colleague…</source>
        <translation>Consulter un collègue…</translation>
    </message>
    <message>
        <source>Insert a standard response…</source>
        <translation>Insérer une réponse standard…</translation>
    </message>
    <message>
        <source>Insert an emoji…</source>
        <translation>Insérer un émoji…</translation>
    </message>
    <message>
        <source>Push a link…</source>
        <translation>Transmettre un lien…</translation>
    </message>
    <message>
        <source>Next interaction</source>
        <translation>Interaction suivante</translation>
    </message>
    <message>
        <source>Previous interaction</source>
        <translation>Interaction précédente</translation>
    </message>
    <message>
        <source>Ready / Not Ready</source>
        <translation>Prêt / Non prêt</translation>
    </message>
    <message>
        <source>Accept the incoming chat</source>
        <translation>Accepter le chat entrant</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Réduire</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Taille normale</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Spell check in English</source>
        <translation>Vérifier l’orthographe en anglais</translation>
    </message>
    <message>
        <source>Spell check in French</source>
        <translation>Vérifier l’orthographe en français</translation>
    </message>
    <message>
        <source>Turn spell check off</source>
        <translation>Désactiver la vérification orthographique</translation>
    </message>
</context>
<context>
    <name>ReplyNotification</name>
    <message>
        <source>A contact answered</source>
        <extracomment>above the incoming-chat notification, which takes the screen corner</extracomment>
        <translation>Un contact a répondu</translation>
    </message>
    <message>
        <source>New reply</source>
        <translation>Nouvelle réponse</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show the conversation</source>
        <translation>Afficher la conversation</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>{0} answered: {1}</source>
        <translation>{0} a répondu : {1}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Accept incoming chats automatically</source>
        <translation>Accepter automatiquement les chats entrants</translation>
    </message>
    <message>
        <source>Flash the taskbar while a reply is pending</source>
        <translation>Faire clignoter la barre des tâches quand une réponse est en attente</translation>
    </message>
    <message>
        <source>Play a sound when a chat arrives</source>
        <translation>Émettre un son à l’arrivée d’un chat</translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation>Votre nom d’utilisateur</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Reply overdue (yellow) after</source>
        <translation>Réponse en retard (jaune) après</translation>
    </message>
    <message>
        <source>Reply urgently overdue (red) after</source>
        <translation>Réponse très en retard (rouge) après</translation>
    </message>
    <message>
        <source>Hide the typing notice after</source>
        <translation>Masquer l’avis de saisie après</translation>
    </message>
    <message>
        <source>Name shown to contacts</source>
        <translation>Nom affiché aux contacts</translation>
    </message>
    <message>
        <source>Allow emojis</source>
        <translation>Autoriser les émojis</translation>
    </message>
    <message>
        <source>Show the emoji picker</source>
        <translation>Afficher le sélecteur d’émojis</translation>
    </message>
    <message>
        <source>Use the bundled emoji images</source>
        <translation>Utiliser les images d’émojis fournies</translation>
    </message>
    <message>
        <source>Allow pushing web addresses</source>
        <translation>Autoriser l’envoi d’adresses Web</translation>
    </message>
    <message>
        <source>Emoji and web addresses</source>
        <translation>Émojis et adresses Web</translation>
    </message>
    <message>
        <source>Recent emojis kept</source>
        <translation>Émojis récents conservés</translation>
    </message>
    <message>
        <source>Web addresses remembered</source>
        <translation>Adresses Web mémorisées</translation>
    </message>
    <message>
        <source>A disposition code is required to mark Done</source>
        <translation>Un code de disposition est obligatoire pour marquer comme terminé</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Codes, one per line</source>
        <translation>Codes, un par ligne</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation>Langue (après redémarrage)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Every control is also reachable with Tab and Shift+Tab.</source>
        <translation>Chaque commande est aussi accessible avec Tab et Maj+Tab.</translation>
    </message>
</context>
<context>
    <name>StandardResponsePopup</name>
    <message>
        <source>Standard responses</source>
        <translation>Réponses standard</translation>
    </message>
    <message>
        <source>Search standard responses</source>
        <translation>Rechercher des réponses standard</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Enter inserts · Esc closes</source>
        <translation>Entrée insère · Échap ferme</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>No standard responses are available.</source>
        <translation>Aucune réponse standard n&apos;est disponible.</translation>
    </message>
    <message>
        <source>No standard response matches “{0}”.</source>
        <translation>Aucune réponse standard ne correspond à « {0} ».</translation>
    </message>
</context>
<context>
    <name>StatsButton</name>
    <message>
        <source>My statistics</source>
        <translation>Mes statistiques</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>My statistics</source>
        <extracomment>the figures refresh on their own this often while the panel is shown (day rollover)</extracomment>
        <translation>Mes statistiques</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Handled chats</source>
        <translation>Chats traités</translation>
    </message>
    <message>
        <source>Average handle time</source>
        <translation>Durée moyenne de traitement</translation>
    </message>
    <message>
        <source>Average first reply</source>
        <translation>Première réponse moyenne</translation>
    </message>
    <message>
        <source>Worst first reply</source>
        <translation>Pire première réponse</translation>
    </message>
    <message>
        <source>Replies in time</source>
        <translation>Réponses dans les temps</translation>
    </message>
    <message>
        <source>Average talk time</source>
        <translation>Durée moyenne de conversation</translation>
    </message>
    <message>
        <source>Average wrap-up</source>
        <translation>Clôture moyenne</translation>
    </message>
    <message>
        <source>Figures per channel</source>
        <translation>Chiffres par canal</translation>
    </message>
    <message>
        <source>Replies per hour</source>
        <translation>Réponses par heure</translation>
    </message>
    <message>
        <source>Response time distribution</source>
        <translation>Répartition des temps de réponse</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Temps de réponse</translation>
    </message>
    <message>
        <source>Export from</source>
        <translation>Exporter du</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Contenu à exporter</translation>
    </message>
    <message>
        <source>One line per interaction</source>
        <translation>Une ligne par interaction</translation>
    </message>
    <message>
        <source>Every recorded event</source>
        <translation>Chaque événement enregistré</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export my interaction log as CSV</source>
        <translation>Exporter mon journal des interactions en CSV</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>État de l&apos;export</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>How the figures are counted</source>
        <translation>Comment les chiffres sont calculés</translation>
    </message>
    <message>
        <source>A chat counts on the day it was accepted, once it is marked Done or transferred. Talk time: while its view is in front of you and the chat is live.</source>
        <translation>Un chat compte le jour où il a été accepté, une fois marqué comme terminé ou transféré. Durée de conversation : tant que sa vue est devant vous et que le chat est en cours.</translation>
    </message>
    <message>
        <source>This week, from {0}. A chat counts in the week it was accepted, once it is marked Done or transferred.</source>
        <translation>Cette semaine, depuis le {0}. Un chat compte dans la semaine où il a été accepté, une fois marqué comme terminé ou transféré.</translation>
    </message>
    <message>
        <source>Replies within {0}</source>
        <translation>Réponses en moins de {0}</translation>
    </message>
    <message>
        <source>No replies yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <source>Busiest hour: {0}:00, {1} replies</source>
        <translation>Heure la plus chargée : {0} h, {1} réponses</translation>
    </message>
    <message>
        <source>Export my interaction log</source>
        <translation>Exporter mon journal des interactions</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>1 line written to {0}</source>
        <translation>1 ligne écrite dans {0}</translation>
    </message>
    <message>
        <source>{0} lines written to {1}</source>
        <translation>{0} lignes écrites dans {1}</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript</source>
        <extracomment>rows measured per idle turn when the view measures the next page ahead of need the next page is measured ahead once the view is within this many screens of an end</extracomment>
        <translation>Transcription</translation>
    </message>
</context>
<context>
    <name>UrlEditor</name>
    <message>
        <source>Push a link</source>
        <translation>Transmettre un lien</translation>
    </message>
    <message>
        <source>Link to send</source>
        <translation>Lien à envoyer</translation>
    </message>
    <message>
        <source>https://… — a link for the contact to open</source>
        <translation>https://… — un lien que le contact pourra ouvrir</translation>
    </message>
    <message>
        <source>Sent links</source>
        <translation>Liens envoyés</translation>
    </message>
    <message>
        <source>Links you have sent (Alt+Down)</source>
        <translation>Liens que vous avez envoyés (Alt+Bas)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the link in the browser</source>
        <translation>Ouvrir le lien dans le navigateur</translation>
    </message>
    <message>
        <source>Check the page in your browser</source>
        <translation>Vérifier la page dans votre navigateur</translation>
    </message>
    <message>
        <source>Send link</source>
        <translation>Envoyer le lien</translation>
    </message>
    <message>
        <source>Send the link</source>
        <translation>Envoyer le lien</translation>
    </message>
    <message>
        <source>Send the link to the contact (Enter)</source>
        <translation>Envoyer le lien au contact (Entrée)</translation>
    </message>
    <message>
        <source>Link problem</source>
        <translation>Problème de lien</translation>
    </message>
</context>
<context>
    <name>UrlHistoryList</name>
    <message>
        <source>Sent links</source>
        <translation>Liens envoyés</translation>
    </message>
</context>
</TS>
