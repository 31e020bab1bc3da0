<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>The messaging backend could not be started: {0}</source>
        <translation>Le serveur de messagerie n’a pas pu démarrer : {0}</translation>
    </message>
    <message>
        <source>Could not connect to the messaging backend: {0}</source>
        <extracomment>how often &quot;the agent is typing&quot; is re-sent while they keep typing the agent counts as no longer typing after this pause</extracomment>
        <translation>Connexion au serveur de messagerie impossible : {0}</translation>
    </message>
    <message>
        <source>Could not change your status: {0}</source>
        <translation>Impossible de changer votre statut : {0}</translation>
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
        <source>A message could not be sent: {0}</source>
        <translation>Un message n’a pas pu être envoyé : {0}</translation>
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
        <translation>Impossible de rechercher les contacts : {0}</translation>
    </message>
    <message>
        <source>{0} was not sent. {1}</source>
        <translation>{0} n’a pas été envoyé. {1}</translation>
    </message>
    <message>
        <source>The image could not be sent: {0}</source>
        <translation>L’image n’a pas pu être envoyée : {0}</translation>
    </message>
    <message>
        <source>Could not start the chat: {0}</source>
        <translation>Impossible de démarrer le chat : {0}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>The image is too large to send ({0}).</source>
        <translation>L’image est trop lourde pour être envoyée ({0}).</translation>
    </message>
    <message>
        <source>Only PNG, JPEG and GIF images can be sent.</source>
        <translation>Seules les images PNG, JPEG et GIF peuvent être envoyées.</translation>
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
    <name>ChatView</name>
    <message>
        <source>Chat with {0}</source>
        <translation>Chat avec {0}</translation>
    </message>
    <message>
        <source>Contact</source>
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
    <name>MainWindow</name>
    <message>
        <source>Agent Desktop</source>
        <translation>Agent Desktop</translation>
    </message>
    <message>
        <source>Agent Desktop — {0}</source>
        <translation>Agent Desktop — {0}</translation>
    </message>
    <message>
        <source>Ready on the Chat channel</source>
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
        <source>Your settings file could not be read; defaults are used. The unreadable file was kept as {0}.</source>
        <extracomment>the folder of the log files, shown in About (set by the composition root)</extracomment>
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
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent · click to retry</source>
        <translation>Non envoyé · cliquez pour réessayer</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Notice</source>
        <extracomment>transcript zoom notches, in percent of the application font</extracomment>
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
    <name>TranscriptView</name>
    <message>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
</context>
<context>
    <name>ChannelSelector</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>The channel your message goes out on</source>
        <translation>Le canal par lequel part votre message</translation>
    </message>
</context>
<context>
    <name>CommunicationView</name>
    <message>
        <source>Communication</source>
        <translation>Communication</translation>
    </message>
    <message>
        <source>Contacts</source>
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
        <translation>Conversation asynchrone</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>Search the conversation</source>
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
        <source>Attach an image (PNG, JPEG or GIF)</source>
        <translation>Joindre une image (PNG, JPEG ou GIF)</translation>
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
    <name>ReplyNotification</name>
    <message>
        <source>A contact answered</source>
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
</TS>
