<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>The messaging backend could not be started: {0}</source>
            <extracomment>the main window has been painted once (start-up is over: see _after_first_paint) the composer's unsent text of every chat, kept across restarts unconfirmed messages, sent again after a reconnect or a restart</extracomment>
            <translation>The messaging backend could not be started: {0}</translation>
        </message>
        <message>
            <source>Log in to your Matrix account.</source>
            <translation>Log in to your Matrix account.</translation>
        </message>
        <message>
            <source>Your session has expired or was signed out. Please log in again.</source>
            <translation>Your session has expired or was signed out. Please log in again.</translation>
        </message>
        <message>
            <source>The homeserver refused the login. Check the user and password.</source>
            <translation>The homeserver refused the login. Check the user and password.</translation>
        </message>
        <message>
            <source>The homeserver's certificate is not trusted ({0}), so the connection was refused. If your organisation uses its own certificate authority, ask your administrator to set it as ca_file in the Matrix settings.</source>
            <translation>The homeserver's certificate is not trusted ({0}), so the connection was refused. If your organisation uses its own certificate authority, ask your administrator to set it as ca_file in the Matrix settings.</translation>
        </message>
        <message>
            <source>Could not connect: {0}. Check the homeserver address.</source>
            <translation>Could not connect: {0}. Check the homeserver address.</translation>
        </message>
        <message>
            <source>Could not connect securely to the messaging backend: {0}. The connection was refused.</source>
            <extracomment>how often "the agent is typing" is re-sent while they keep typing the agent counts as no longer typing after this pause delivery states a receipt gave a message, further on than sent</extracomment>
            <translation>Could not connect securely to the messaging backend: {0}. The connection was refused.</translation>
        </message>
        <message>
            <source>Could not connect to the messaging backend: {0}</source>
            <translation>Could not connect to the messaging backend: {0}</translation>
        </message>
        <message>
            <source>Connected to the messaging backend again.</source>
            <extracomment>ContactPresence, ConversationReply, PublicPostReceived: for the conversation service delays between reconnection attempts (capped exponential, with jitter) told about every backend event after the session applied it (services/actions.py) records every agent message before the backend call (set by the OutboxKeeper) ended chats the agent wrote in, reactivated locally, not yet in the backend the last send of each interaction: the next one reaches the backend after it, so that messages keep their order (the outbox writes before them finish in any order) offers the agent accepted when the connection dropped under the call</extracomment>
            <translation>Connected to the messaging backend again.</translation>
        </message>
        <message>
            <source>the connection ended</source>
            <translation>the connection ended</translation>
        </message>
        <message>
            <source>Could not change your status: {0}</source>
            <translation>Could not change your status: {0}</translation>
        </message>
        <message>
            <source>The connection dropped while the chat was being accepted: it is accepted as soon as the connection is back.</source>
            <translation>The connection dropped while the chat was being accepted: it is accepted as soon as the connection is back.</translation>
        </message>
        <message>
            <source>Could not accept: {0}</source>
            <translation>Could not accept: {0}</translation>
        </message>
        <message>
            <source>Could not reject: {0}</source>
            <translation>Could not reject: {0}</translation>
        </message>
        <message>
            <source>Could not end the chat: {0}</source>
            <translation>Could not end the chat: {0}</translation>
        </message>
        <message>
            <source>End the chat before marking it Done.</source>
            <translation>End the chat before marking it Done.</translation>
        </message>
        <message>
            <source>Could not mark the interaction Done: {0}</source>
            <translation>Could not mark the interaction Done: {0}</translation>
        </message>
        <message>
            <source>Could not start the e-mail: {0}</source>
            <translation>Could not start the e-mail: {0}</translation>
        </message>
        <message>
            <source>Could not start the call: {0}</source>
            <translation>Could not start the call: {0}</translation>
        </message>
        <message>
            <source>Could not list your colleagues: {0}</source>
            <extracomment>a consultation of that customer interaction appeared, changed state or went away (query, list[Target]) the answer of :meth:`find_targets` the disposition or note of that interaction changed (iid, colleague's name) a consultation was accepted: recorded for the statistics</extracomment>
            <translation>Could not list your colleagues: {0}</translation>
        </message>
        <message>
            <source>The chat was not transferred: {0}. It stays with you.</source>
            <translation>The chat was not transferred: {0}. It stays with you.</translation>
        </message>
        <message>
            <source>The chat was transferred to {0}.</source>
            <translation>The chat was transferred to {0}.</translation>
        </message>
        <message>
            <source>{0} could not join the chat: {{0}}</source>
            <translation>{0} could not join the chat: {{0}}</translation>
        </message>
        <message>
            <source>Could not leave the conference: {0}</source>
            <translation>Could not leave the conference: {0}</translation>
        </message>
        <message>
            <source>Could not remove the participant: {0}</source>
            <translation>Could not remove the participant: {0}</translation>
        </message>
        <message>
            <source>Finish the consultation with {0} first.</source>
            <translation>Finish the consultation with {0} first.</translation>
        </message>
        <message>
            <source>The consultation did not start: {0}</source>
            <translation>The consultation did not start: {0}</translation>
        </message>
        <message>
            <source>A message could not be sent: {0}</source>
            <translation>A message could not be sent: {0}</translation>
        </message>
        <message>
            <source>The conference did not start: {0}</source>
            <translation>The conference did not start: {0}</translation>
        </message>
        <message>
            <source>Could not end the consultation: {0}</source>
            <translation>Could not end the consultation: {0}</translation>
        </message>
        <message>
            <source>There is no phone number for this contact.</source>
            <translation>There is no phone number for this contact.</translation>
        </message>
        <message>
            <source>The call could not be started: {0}</source>
            <translation>The call could not be started: {0}</translation>
        </message>
        <message>
            <source>Calling {0}…</source>
            <translation>Calling {0}…</translation>
        </message>
        <message>
            <source>There is no e-mail address for this contact.</source>
            <translation>There is no e-mail address for this contact.</translation>
        </message>
        <message>
            <source>The e-mail could not be started: {0}</source>
            <translation>The e-mail could not be started: {0}</translation>
        </message>
        <message>
            <source>An e-mail to {0} was started.</source>
            <translation>An e-mail to {0} was started.</translation>
        </message>
        <message>
            <source>Choose a disposition code before marking the chat Done.</source>
            <translation>Choose a disposition code before marking the chat Done.</translation>
        </message>
        <message>
            <source>{0} ended the consultation.</source>
            <translation>{0} ended the consultation.</translation>
        </message>
        <message>
            <source>Web chat</source>
            <translation>Web chat</translation>
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
            <translation>Connected</translation>
        </message>
        <message>
            <source>Disconnected</source>
            <translation>Disconnected</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Left</translation>
        </message>
        <message>
            <source>No reply pending</source>
            <translation>No reply pending</translation>
        </message>
        <message>
            <source>Reply pending</source>
            <translation>Reply pending</translation>
        </message>
        <message>
            <source>Reply overdue</source>
            <translation>Reply overdue</translation>
        </message>
        <message>
            <source>Reply urgently overdue</source>
            <translation>Reply urgently overdue</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Resolved</translation>
        </message>
        <message>
            <source>Follow-up needed</source>
            <translation>Follow-up needed</translation>
        </message>
        <message>
            <source>Information provided</source>
            <translation>Information provided</translation>
        </message>
        <message>
            <source>Escalated</source>
            <translation>Escalated</translation>
        </message>
        <message>
            <source>No answer from contact</source>
            <translation>No answer from contact</translation>
        </message>
        <message>
            <source>Go Ready / Not Ready on the Chat channel</source>
            <translation>Go Ready / Not Ready on the Chat channel</translation>
        </message>
        <message>
            <source>Accept the incoming chat</source>
            <translation>Accept the incoming chat</translation>
        </message>
        <message>
            <source>Reject the incoming chat</source>
            <translation>Reject the incoming chat</translation>
        </message>
        <message>
            <source>Go to the message field</source>
            <translation>Go to the message field</translation>
        </message>
        <message>
            <source>End the chat</source>
            <translation>End the chat</translation>
        </message>
        <message>
            <source>Mark the interaction Done</source>
            <translation>Mark the interaction Done</translation>
        </message>
        <message>
            <source>Next interaction</source>
            <translation>Next interaction</translation>
        </message>
        <message>
            <source>Previous interaction</source>
            <translation>Previous interaction</translation>
        </message>
        <message>
            <source>Open the emoji picker</source>
            <translation>Open the emoji picker</translation>
        </message>
        <message>
            <source>Push a web address (URL)</source>
            <translation>Push a web address (URL)</translation>
        </message>
        <message>
            <source>Larger transcript text (also Ctrl+wheel)</source>
            <translation>Larger transcript text (also Ctrl+wheel)</translation>
        </message>
        <message>
            <source>Smaller transcript text</source>
            <translation>Smaller transcript text</translation>
        </message>
        <message>
            <source>Transcript text at 100%</source>
            <translation>Transcript text at 100%</translation>
        </message>
        <message>
            <source>Standard responses (or / in the message)</source>
            <translation>Standard responses (or / in the message)</translation>
        </message>
        <message>
            <source>Command palette: every action</source>
            <translation>Command palette: every action</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Send the message</source>
            <translation>Send the message</translation>
        </message>
        <message>
            <source>New line in the message</source>
            <translation>New line in the message</translation>
        </message>
        <message>
            <source>Next control</source>
            <translation>Next control</translation>
        </message>
        <message>
            <source>Previous control</source>
            <translation>Previous control</translation>
        </message>
        <message>
            <source>Could not search the contacts: {0}</source>
            <extracomment>contacts listed at most in the Communication view keeps messages into contacts' conversations until the backend takes them open Conversation tabs per contact (hold/release); pinned: kept for the session</extracomment>
            <translation>Could not search the contacts: {0}</translation>
        </message>
        <message>
            <source>The chat has ended: the message was not sent.</source>
            <translation>The chat has ended: the message was not sent.</translation>
        </message>
        <message>
            <source>{0} was not sent. {1}</source>
            <translation>{0} was not sent. {1}</translation>
        </message>
        <message>
            <source>Could not start the chat: {0}</source>
            <translation>Could not start the chat: {0}</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <extracomment>what QImageReader.format() answers for each allowed format</extracomment>
            <translation>The file is empty.</translation>
        </message>
        <message>
            <source>The image is too large to send ({0}).</source>
            <translation>The image is too large to send ({0}).</translation>
        </message>
        <message>
            <source>Only PNG, JPEG, GIF and WebP images can be sent.</source>
            <translation>Only PNG, JPEG, GIF and WebP images can be sent.</translation>
        </message>
        <message>
            <source>The image is damaged and cannot be sent.</source>
            <translation>The image is damaged and cannot be sent.</translation>
        </message>
        <message>
            <source>The image has too many pixels to send ({0}).</source>
            <translation>The image has too many pixels to send ({0}).</translation>
        </message>
        <message>
            <source>The file cannot be read ({0}).</source>
            <translation>The file cannot be read ({0}).</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>the file is empty</translation>
        </message>
        <message>
            <source>it is too large</source>
            <translation>it is too large</translation>
        </message>
        <message>
            <source>only PNG, JPEG, GIF and WebP images are shown</source>
            <translation>only PNG, JPEG, GIF and WebP images are shown</translation>
        </message>
        <message>
            <source>it is damaged</source>
            <translation>it is damaged</translation>
        </message>
        <message>
            <source>it has too many pixels</source>
            <translation>it has too many pixels</translation>
        </message>
        <message>
            <source>it could not be downloaded</source>
            <translation>it could not be downloaded</translation>
        </message>
        <message>
            <source>The image “{0}” from {1} is not shown: {2}.</source>
            <translation>The image “{0}” from {1} is not shown: {2}.</translation>
        </message>
        <message>
            <source>The standard responses file could not be read ({0}); it was kept as {1}.</source>
            <translation>The standard responses file could not be read ({0}); it was kept as {1}.</translation>
        </message>
        <message>
            <source>Could not export the interaction log: {0}</source>
            <extracomment>figures are recomputed at most this often while events stream in</extracomment>
            <translation>Could not export the interaction log: {0}</translation>
        </message>
        <message>
            <source>Call {0}</source>
            <extracomment>action key → object name of its menu entry</extracomment>
            <translation>Call {0}</translation>
        </message>
        <message>
            <source>E-mail {0}</source>
            <translation>E-mail {0}</translation>
        </message>
        <message>
            <source>Remove {0} from the chat</source>
            <translation>Remove {0} from the chat</translation>
        </message>
        <message>
            <source>Leave the conference</source>
            <translation>Leave the conference</translation>
        </message>
        <message>
            <source>Actions for {0}</source>
            <translation>Actions for {0}</translation>
        </message>
        <message>
            <source>No action for {0}</source>
            <translation>No action for {0}</translation>
        </message>
        <message>
            <source>Channel</source>
            <extracomment>``Qt.UserRole`` of a cell: the raw figure (int, float seconds, share 0..1, or None) ``Qt.UserRole + 1`` of any cell in a row: the channel value, "" for the total row</extracomment>
            <translation>Channel</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>Handled</translation>
        </message>
        <message>
            <source>Transferred</source>
            <translation>Transferred</translation>
        </message>
        <message>
            <source>Avg
handle</source>
            <translation>Avg
handle</translation>
        </message>
        <message>
            <source>Avg first
reply</source>
            <translation>Avg first
reply</translation>
        </message>
        <message>
            <source>Worst first
reply</source>
            <translation>Worst first
reply</translation>
        </message>
        <message>
            <source>Replies
≤ {0}</source>
            <translation>Replies
≤ {0}</translation>
        </message>
        <message>
            <source>Avg
talk</source>
            <translation>Avg
talk</translation>
        </message>
        <message>
            <source>Avg
wrap-up</source>
            <translation>Avg
wrap-up</translation>
        </message>
        <message>
            <source>Messages
in</source>
            <translation>Messages
in</translation>
        </message>
        <message>
            <source>Messages
out</source>
            <translation>Messages
out</translation>
        </message>
        <message>
            <source>Rejected,
missed</source>
            <translation>Rejected,
missed</translation>
        </message>
        <message>
            <source>{0} s</source>
            <translation>{0} s</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>All channels</translation>
        </message>
        <message>
            <source>Queue</source>
            <extracomment>how long typing in the search field settles before the backend is asked</extracomment>
            <translation>Queue</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>Busy</translation>
        </message>
        <message>
            <source>Away</source>
            <translation>Away</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Search colleagues</source>
            <translation>Search colleagues</translation>
        </message>
        <message>
            <source>Search colleagues and queues</source>
            <translation>Search colleagues and queues</translation>
        </message>
        <message>
            <source>Colleagues and queues</source>
            <translation>Colleagues and queues</translation>
        </message>
        <message>
            <source>Nobody matches.</source>
            <translation>Nobody matches.</translation>
        </message>
        <message>
            <source>Choose</source>
            <translation>Choose</translation>
        </message>
        <message>
            <source>Only web links (http:// or https://) can be sent to a contact.</source>
            <translation>Only web links (http:// or https://) can be sent to a contact.</translation>
        </message>
        <message>
            <source>Add https:// in front of the address.</source>
            <translation>Add https:// in front of the address.</translation>
        </message>
        <message>
            <source>This is not a web address.</source>
            <translation>This is not a web address.</translation>
        </message>
        <message>
            <source>The address has no site name.</source>
            <translation>The address has no site name.</translation>
        </message>
        <message>
            <source>Addresses with a user name (name@site) are refused: they can hide the real site.</source>
            <translation>Addresses with a user name (name@site) are refused: they can hide the real site.</translation>
        </message>
        <message>
            <source>A web address cannot contain spaces or hidden characters.</source>
            <translation>A web address cannot contain spaces or hidden characters.</translation>
        </message>
        <message>
            <source>A message you wrote could not be delivered because its chat is closed: “{0}”. It is kept and will be sent when possible.</source>
            <extracomment>messages whose interaction is gone and that nothing else can deliver (kept, not lost) an unconfirmed message reached the contact through their asynchronous conversation a message into a contact's conversation changed state (the feeds show it) txn ids already reported as undeliverable in this run (one notice each) outbox writes not yet known to be on disk, by txn id</extracomment>
            <translation>A message you wrote could not be delivered because its chat is closed: “{0}”. It is kept and will be sent when possible.</translation>
        </message>
        <message>
            <source>{0} messages you wrote could not be delivered because their chats are closed (first: “{1}”). They are kept and will be sent when possible.</source>
            <translation>{0} messages you wrote could not be delivered because their chats are closed (first: “{1}”). They are kept and will be sent when possible.</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Agent Desktop</source>
            <extracomment>(component, licence, where its terms are) — plain text, shown as is</extracomment>
            <translation>About Agent Desktop</translation>
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
            <translation>Log folder</translation>
        </message>
        <message>
            <source>Not writing log files</source>
            <translation>Not writing log files</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>Open log folder</translation>
        </message>
        <message>
            <source>About Qt</source>
            <translation>About Qt</translation>
        </message>
        <message>
            <source>Agent Desktop is built on these components, under their licences:</source>
            <translation>Agent Desktop is built on these components, under their licences:</translation>
        </message>
        <message>
            <source>Emoji names and keywords come from Unicode CLDR through emojibase. Emoji graphics by Twitter, Inc and other contributors (Twemoji), licensed under CC-BY 4.0.</source>
            <translation>Emoji names and keywords come from Unicode CLDR through emojibase. Emoji graphics by Twitter, Inc and other contributors (Twemoji), licensed under CC-BY 4.0.</translation>
        </message>
        <message>
            <source>Qt is used under the GNU Lesser General Public License v3: you may replace the Qt libraries shipped in the program folder with your own build.</source>
            <translation>Qt is used under the GNU Lesser General Public License v3: you may replace the Qt libraries shipped in the program folder with your own build.</translation>
        </message>
    </context>
    <context>
        <name>ActionButtons</name>
        <message>
            <source>Transfer</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <source>Transfer the chat to a colleague or queue</source>
            <translation>Transfer the chat to a colleague or queue</translation>
        </message>
        <message>
            <source>Conference</source>
            <translation>Conference</translation>
        </message>
        <message>
            <source>Add a colleague to the chat</source>
            <translation>Add a colleague to the chat</translation>
        </message>
        <message>
            <source>Consult</source>
            <translation>Consult</translation>
        </message>
        <message>
            <source>Chat with a colleague; the contact does not see it</source>
            <translation>Chat with a colleague; the contact does not see it</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>Call {0} ({1})</source>
            <translation>Call {0} ({1})</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>E-mail {0} ({1})</source>
            <translation>E-mail {0} ({1})</translation>
        </message>
        <message>
            <source>Transferring…</source>
            <translation>Transferring…</translation>
        </message>
        <message>
            <source>Adding…</source>
            <translation>Adding…</translation>
        </message>
        <message>
            <source>Calling…</source>
            <translation>Calling…</translation>
        </message>
    </context>
    <context>
        <name>ActionsController</name>
        <message>
            <source>Transfer the chat to…</source>
            <translation>Transfer the chat to…</translation>
        </message>
        <message>
            <source>Add to the chat…</source>
            <translation>Add to the chat…</translation>
        </message>
        <message>
            <source>Consult a colleague…</source>
            <translation>Consult a colleague…</translation>
        </message>
    </context>
    <context>
        <name>ChannelSelector</name>
        <message>
            <source>Channel</source>
            <extracomment>start loading the previous page this close to the top (pixels) pause after the last keystroke before the search runs</extracomment>
            <translation>Channel</translation>
        </message>
        <message>
            <source>The channel your message goes out on</source>
            <translation>The channel your message goes out on</translation>
        </message>
    </context>
    <context>
        <name>ChatExtras</name>
        <message>
            <source>Message length</source>
            <extracomment>a "/" command in the composer is at most this long (longer text is a message)</extracomment>
            <translation>Message length</translation>
        </message>
        <message>
            <source>Reply window</source>
            <translation>Reply window</translation>
        </message>
        <message>
            <source>Idle contact</source>
            <translation>Idle contact</translation>
        </message>
        <message>
            <source>Ask if they are still there</source>
            <translation>Ask if they are still there</translation>
        </message>
        <message>
            <source>Ask if the contact is still there</source>
            <translation>Ask if the contact is still there</translation>
        </message>
        <message>
            <source>More than 24 hours have passed since the contact's last WhatsApp message: WhatsApp does not allow a free reply until they write again.</source>
            <translation>More than 24 hours have passed since the contact's last WhatsApp message: WhatsApp does not allow a free reply until they write again.</translation>
        </message>
        <message>
            <source>WhatsApp reply window closes in {0}.</source>
            <translation>WhatsApp reply window closes in {0}.</translation>
        </message>
        <message>
            <source>The message is too long for this channel.</source>
            <translation>The message is too long for this channel.</translation>
        </message>
        <message>
            <source>Send the message (Enter)</source>
            <translation>Send the message (Enter)</translation>
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
            <translation>Too long: shorten the message to send it.</translation>
        </message>
        <message>
            <source>Characters used and allowed</source>
            <translation>Characters used and allowed</translation>
        </message>
        <message>
            <source>{0} has not answered for {1} min.</source>
            <translation>{0} has not answered for {1} min.</translation>
        </message>
        <message>
            <source>{0} has not answered for {1} s.</source>
            <translation>{0} has not answered for {1} s.</translation>
        </message>
        <message>
            <source>idle</source>
            <translation>idle</translation>
        </message>
        <message>
            <source>The contact is idle</source>
            <translation>The contact is idle</translation>
        </message>
        <message>
            <source>Are you still there, {0}?</source>
            <translation>Are you still there, {0}?</translation>
        </message>
        <message>
            <source>The standard response holds field codes this desktop does not know: {0}. Check the text before sending it.</source>
            <translation>The standard response holds field codes this desktop does not know: {0}. Check the text before sending it.</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Chat with {0}</source>
            <extracomment>rows of the next page still to measure; which page that is (older?, store row)</extracomment>
            <translation>Chat with {0}</translation>
        </message>
        <message>
            <source>Contact</source>
            <extracomment>writing in the ended chat reactivates it (asynchronous chat, not yet Done) each guard sees the text about to be sent and returns True to keep it unsent (it tells the agent why); the emoji setting adds one</extracomment>
            <translation>Contact</translation>
        </message>
        <message>
            <source>End chat</source>
            <translation>End chat</translation>
        </message>
        <message>
            <source>End the chat (Ctrl+Shift+E)</source>
            <translation>End the chat (Ctrl+Shift+E)</translation>
        </message>
        <message>
            <source>Mark Done</source>
            <translation>Mark Done</translation>
        </message>
        <message>
            <source>Close the interaction (Ctrl+Shift+D)</source>
            <translation>Close the interaction (Ctrl+Shift+D)</translation>
        </message>
        <message>
            <source>{0} is typing…</source>
            <translation>{0} is typing…</translation>
        </message>
        <message>
            <source>Typing notice</source>
            <translation>Typing notice</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Send the message (Enter)</source>
            <translation>Send the message (Enter)</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>The chat has ended. Mark it Done to close it.</source>
            <translation>The chat has ended. Mark it Done to close it.</translation>
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
            <translation>This chat and every earlier conversation with the contact</translation>
        </message>
        <message>
            <source>The chat has ended. Write to continue the conversation, or mark it Done.</source>
            <translation>The chat has ended. Write to continue the conversation, or mark it Done.</translation>
        </message>
        <message>
            <source>Type your message — Enter to send, Shift+Enter for a new line</source>
            <translation>Type your message — Enter to send, Shift+Enter for a new line</translation>
        </message>
    </context>
    <context>
        <name>CommandPalette</name>
        <message>
            <source>Command palette</source>
            <translation>Command palette</translation>
        </message>
        <message>
            <source>Search commands</source>
            <translation>Search commands</translation>
        </message>
        <message>
            <source>Type a command…</source>
            <translation>Type a command…</translation>
        </message>
        <message>
            <source>Commands</source>
            <translation>Commands</translation>
        </message>
    </context>
    <context>
        <name>CommunicationView</name>
        <message>
            <source>Communication</source>
            <extracomment>the contact-info column's width when it first shows</extracomment>
            <translation>Communication</translation>
        </message>
        <message>
            <source>Contacts</source>
            <extracomment>channels a contact has a session on now (set by the main window's wiring) the backend lets the agent write to a contact from here, open a chat with them</extracomment>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Search contacts</source>
            <translation>Search contacts</translation>
        </message>
        <message>
            <source>Search by name, e-mail or phone</source>
            <translation>Search by name, e-mail or phone</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>All conversations</source>
            <translation>All conversations</translation>
        </message>
        <message>
            <source>Every conversation with the contact, SMS and WhatsApp included</source>
            <translation>Every conversation with the contact, SMS and WhatsApp included</translation>
        </message>
        <message>
            <source>Private</source>
            <translation>Private</translation>
        </message>
        <message>
            <source>Private conversations</source>
            <translation>Private conversations</translation>
        </message>
        <message>
            <source>Web chat, Messenger and X direct messages with the contact</source>
            <translation>Web chat, Messenger and X direct messages with the contact</translation>
        </message>
        <message>
            <source>Public</source>
            <translation>Public</translation>
        </message>
        <message>
            <source>Public posts</source>
            <translation>Public posts</translation>
        </message>
        <message>
            <source>Public Facebook posts and tweets that mention the company</source>
            <translation>Public Facebook posts and tweets that mention the company</translation>
        </message>
        <message>
            <source>Select a contact to see your conversations.</source>
            <translation>Select a contact to see your conversations.</translation>
        </message>
        <message>
            <source>Contact info</source>
            <translation>Contact info</translation>
        </message>
        <message>
            <source>No chat channel with this contact.</source>
            <translation>No chat channel with this contact.</translation>
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
            <translation>Open a {0} interaction</translation>
        </message>
        <message>
            <source>Open a {0} interaction with the contact</source>
            <translation>Open a {0} interaction with the contact</translation>
        </message>
        <message>
            <source>Conversation with {0}</source>
            <translation>Conversation with {0}</translation>
        </message>
        <message>
            <source>No web chat, Messenger or X conversation with this contact.</source>
            <translation>No web chat, Messenger or X conversation with this contact.</translation>
        </message>
        <message>
            <source>To write to this contact, use a chat with them.</source>
            <translation>To write to this contact, use a chat with them.</translation>
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
            <translation>Type your message — Enter to send, Shift+Enter for a new line</translation>
        </message>
    </context>
    <context>
        <name>ComposerSpelling</name>
        <message>
            <source>No suggestions</source>
            <translation>No suggestions</translation>
        </message>
        <message>
            <source>Add “{0}” to the dictionary</source>
            <translation>Add “{0}” to the dictionary</translation>
        </message>
        <message>
            <source>Spelling</source>
            <translation>Spelling</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Off</translation>
        </message>
    </context>
    <context>
        <name>ComposerTools</name>
        <message>
            <source>Emoji</source>
            <translation>Emoji</translation>
        </message>
        <message>
            <source>Insert an emoji</source>
            <translation>Insert an emoji</translation>
        </message>
        <message>
            <source>Push a link</source>
            <translation>Push a link</translation>
        </message>
        <message>
            <source>Send a link for the contact to open</source>
            <translation>Send a link for the contact to open</translation>
        </message>
        <message>
            <source>Emoji notice</source>
            <translation>Emoji notice</translation>
        </message>
        <message>
            <source>Emoji are turned off in your settings, so this message cannot be sent. Remove the emoji to send it.</source>
            <translation>Emoji are turned off in your settings, so this message cannot be sent. Remove the emoji to send it.</translation>
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
            <translation>Connect: your conversations with contacts</translation>
        </message>
    </context>
    <context>
        <name>ConsultationView</name>
        <message>
            <source>Consultation with {0}</source>
            <translation>Consultation with {0}</translation>
        </message>
        <message>
            <source>End the consultation</source>
            <translation>End the consultation</translation>
        </message>
        <message>
            <source>Consultation transcript</source>
            <translation>Consultation transcript</translation>
        </message>
        <message>
            <source>Message to {0}</source>
            <translation>Message to {0}</translation>
        </message>
        <message>
            <source>Only {0} reads this</source>
            <translation>Only {0} reads this</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Send to {0}</source>
            <translation>Send to {0}</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <source>Complete the transfer</source>
            <translation>Complete the transfer</translation>
        </message>
        <message>
            <source>{0} takes over the chat with the contact</source>
            <translation>{0} takes over the chat with the contact</translation>
        </message>
        <message>
            <source>Conference</source>
            <translation>Conference</translation>
        </message>
        <message>
            <source>Turn into a conference</source>
            <translation>Turn into a conference</translation>
        </message>
        <message>
            <source>{0} joins the chat with the contact</source>
            <translation>{0} joins the chat with the contact</translation>
        </message>
        <message>
            <source>Waiting for {0} to answer…</source>
            <translation>Waiting for {0} to answer…</translation>
        </message>
        <message>
            <source>Not visible to the contact</source>
            <translation>Not visible to the contact</translation>
        </message>
        <message>
            <source>Transferring…</source>
            <translation>Transferring…</translation>
        </message>
        <message>
            <source>Joining…</source>
            <translation>Joining…</translation>
        </message>
    </context>
    <context>
        <name>ContactListModel</name>
        <message>
            <source>{0} (connected)</source>
            <translation>{0} (connected)</translation>
        </message>
        <message>
            <source>Connected now</source>
            <translation>Connected now</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Not connected</translation>
        </message>
    </context>
    <context>
        <name>ConversationModel</name>
        <message>
            <source>Asynchronous conversation</source>
            <extracomment>thumbnails are decoded at most this many pixels a side a row: (is a separator, row of the message in the feed) only messages on these channels are shown (None: every message)</extracomment>
            <translation>Asynchronous conversation</translation>
        </message>
    </context>
    <context>
        <name>ConversationPanel</name>
        <message>
            <source>Search the conversation</source>
            <extracomment>each guard sees the text about to be sent and returns True to keep it unsent (the emoji tools add one, as in the chat view)</extracomment>
            <translation>Search the conversation</translation>
        </message>
        <message>
            <source>Search this conversation</source>
            <translation>Search this conversation</translation>
        </message>
        <message>
            <source>Previous match</source>
            <translation>Previous match</translation>
        </message>
        <message>
            <source>Previous (older) match (Enter)</source>
            <translation>Previous (older) match (Enter)</translation>
        </message>
        <message>
            <source>Next match</source>
            <translation>Next match</translation>
        </message>
        <message>
            <source>Next (newer) match (Shift+Enter)</source>
            <translation>Next (newer) match (Shift+Enter)</translation>
        </message>
        <message>
            <source>Refresh the conversation</source>
            <translation>Refresh the conversation</translation>
        </message>
        <message>
            <source>Conversation history</source>
            <translation>Conversation history</translation>
        </message>
        <message>
            <source>Loading earlier messages…</source>
            <translation>Loading earlier messages…</translation>
        </message>
        <message>
            <source>Write to the contact — delivered when they are back if they are away</source>
            <translation>Write to the contact — delivered when they are back if they are away</translation>
        </message>
        <message>
            <source>Attach an image</source>
            <translation>Attach an image</translation>
        </message>
        <message>
            <source>Attach an image (PNG, JPEG, GIF or WebP)</source>
            <translation>Attach an image (PNG, JPEG, GIF or WebP)</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Send the message (Enter)</source>
            <translation>Send the message (Enter)</translation>
        </message>
        <message>
            <source>Type your message — Enter to send, Shift+Enter for a new line</source>
            <extracomment>EMOJI HOOK: the emoji picker (issue 3) adds its ``emojiButton`` to this row with :meth:`add_composer_tool` and inserts into :attr:`composer`.</extracomment>
            <translation>Type your message — Enter to send, Shift+Enter for a new line</translation>
        </message>
        <message>
            <source>The chat has ended.</source>
            <translation>The chat has ended.</translation>
        </message>
        <message>
            <source>Images ({0})</source>
            <translation>Images ({0})</translation>
        </message>
        <message>
            <source>No match</source>
            <translation>No match</translation>
        </message>
        <message>
            <source>{0} of {1}</source>
            <translation>{0} of {1}</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Agent Desktop ran into a problem</source>
            <translation>Agent Desktop ran into a problem</translation>
        </message>
        <message>
            <source>Something went wrong inside Agent Desktop.</source>
            <translation>Something went wrong inside Agent Desktop.</translation>
        </message>
        <message>
            <source>The details were written to the log in {0}.</source>
            <translation>The details were written to the log in {0}.</translation>
        </message>
        <message>
            <source>You can keep working. If something no longer responds, quit and start Agent Desktop again.</source>
            <translation>You can keep working. If something no longer responds, quit and start Agent Desktop again.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continue</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>Open log folder</translation>
        </message>
        <message>
            <source>Quit Agent Desktop</source>
            <translation>Quit Agent Desktop</translation>
        </message>
    </context>
    <context>
        <name>DispositionPanel</name>
        <message>
            <source>Disposition and note</source>
            <extracomment>the note is handed over this long after the last keystroke (and on leaving the field)</extracomment>
            <translation>Disposition and note</translation>
        </message>
        <message>
            <source>Disposition</source>
            <translation>Disposition</translation>
        </message>
        <message>
            <source>Disposition code</source>
            <translation>Disposition code</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Notes about this interaction</source>
            <translation>Notes about this interaction</translation>
        </message>
        <message>
            <source>Required before Mark Done</source>
            <translation>Required before Mark Done</translation>
        </message>
        <message>
            <source>— No disposition —</source>
            <translation>— No disposition —</translation>
        </message>
    </context>
    <context>
        <name>EmojiGrid</name>
        <message>
            <source>Emoji</source>
            <translation>Emoji</translation>
        </message>
    </context>
    <context>
        <name>EmojiPicker</name>
        <message>
            <source>Emoji picker</source>
            <translation>Emoji picker</translation>
        </message>
        <message>
            <source>Search emoji</source>
            <translation>Search emoji</translation>
        </message>
        <message>
            <source>Search emoji (English or French)</source>
            <translation>Search emoji (English or French)</translation>
        </message>
        <message>
            <source>Skin tone</source>
            <translation>Skin tone</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>Recent</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Emoji name</source>
            <translation>Emoji name</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>Default</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Medium-light</source>
            <translation>Medium-light</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>Medium</translation>
        </message>
        <message>
            <source>Medium-dark</source>
            <translation>Medium-dark</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>No emoji matches “{0}”.</source>
            <translation>No emoji matches “{0}”.</translation>
        </message>
        <message>
            <source>The emoji you send will appear here.</source>
            <translation>The emoji you send will appear here.</translation>
        </message>
    </context>
    <context>
        <name>FailedMessageMenu</name>
        <message>
            <source>Message not sent</source>
            <translation>Message not sent</translation>
        </message>
        <message>
            <source>Send again</source>
            <translation>Send again</translation>
        </message>
        <message>
            <source>Discard (do not send)</source>
            <translation>Discard (do not send)</translation>
        </message>
    </context>
    <context>
        <name>IncomingChatToast</name>
        <message>
            <source>Incoming chat</source>
            <translation>Incoming chat</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Accept</translation>
        </message>
        <message>
            <source>Accept the chat (Ctrl+Shift+A)</source>
            <translation>Accept the chat (Ctrl+Shift+A)</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>(no message yet)</source>
            <translation>(no message yet)</translation>
        </message>
        <message>
            <source>+{0} waiting</source>
            <translation>+{0} waiting</translation>
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
            <translation>ended</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Ended</translation>
        </message>
    </context>
    <context>
        <name>InteractionPreview</name>
        <message>
            <source>Interaction preview</source>
            <translation>Interaction preview</translation>
        </message>
        <message>
            <source>Elapsed: {0}</source>
            <translation>Elapsed: {0}</translation>
        </message>
        <message>
            <source>You</source>
            <translation>You</translation>
        </message>
        <message>
            <source>No messages yet</source>
            <translation>No messages yet</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Log in to Matrix</source>
            <translation>Log in to Matrix</translation>
        </message>
        <message>
            <source>Login status</source>
            <translation>Login status</translation>
        </message>
        <message>
            <source>Homeserver URL</source>
            <translation>Homeserver URL</translation>
        </message>
        <message>
            <source>Matrix user</source>
            <translation>Matrix user</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Team room</source>
            <translation>Team room</translation>
        </message>
        <message>
            <source>#team:example.org (optional)</source>
            <translation>#team:example.org (optional)</translation>
        </message>
        <message>
            <source>The room whose members are your colleagues, for transfers and consultations</source>
            <translation>The room whose members are your colleagues, for transfers and consultations</translation>
        </message>
        <message>
            <source>Homeserver</source>
            <translation>Homeserver</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
    </context>
    <context>
        <name>LookAlikeLinkDialog</name>
        <message>
            <source>Check this link</source>
            <translation>Check this link</translation>
        </message>
        <message>
            <source>This link may imitate another site.</source>
            <translation>This link may imitate another site.</translation>
        </message>
        <message>
            <source>The address shows:
    {0}
but really goes to:
    {1}

Some of its letters come from another alphabet and only look the same. Open it only if you trust it.</source>
            <translation>The address shows:
    {0}
but really goes to:
    {1}

Some of its letters come from another alphabet and only look the same. Open it only if you trust it.</translation>
        </message>
        <message>
            <source>Open anyway</source>
            <translation>Open anyway</translation>
        </message>
        <message>
            <source>Do not open</source>
            <translation>Do not open</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Agent Desktop</source>
            <extracomment>the agent asks for the login dialog again (after closing it without logging in) the interaction shown ("" for none) and whether the window is active (talk time)</extracomment>
            <translation>Agent Desktop</translation>
        </message>
        <message>
            <source>Agent Desktop — {0}</source>
            <translation>Agent Desktop — {0}</translation>
        </message>
        <message>
            <source>Ready on the Chat channel</source>
            <extracomment>the desk is attached (see attach): until then the frame says it is starting draft key -&gt; (its composer, the widget whose signals a restore keeps quiet) the Connect area and Conversation tabs, once asynchronous chat is set up actions of controllers attached after construction, by shortcut action name</extracomment>
            <translation>Ready on the Chat channel</translation>
        </message>
        <message>
            <source>Ready / Not Ready on the Chat channel (Ctrl+Shift+R)</source>
            <translation>Ready / Not Ready on the Chat channel (Ctrl+Shift+R)</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Connection</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>About Agent Desktop</source>
            <translation>About Agent Desktop</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>Log in…</source>
            <extracomment>the folder of the log files, shown in About (set by the composition root)</extracomment>
            <translation>Log in…</translation>
        </message>
        <message>
            <source>Log in to the messaging backend</source>
            <translation>Log in to the messaging backend</translation>
        </message>
        <message>
            <source>Your settings file could not be read; defaults are used. The unreadable file was kept as {0}.</source>
            <extracomment>transfer, conference, consultation, call / e-mail, disposition and note</extracomment>
            <translation>Your settings file could not be read; defaults are used. The unreadable file was kept as {0}.</translation>
        </message>
        <message>
            <source>No open interaction</source>
            <translation>No open interaction</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>Not Ready</source>
            <translation>Not Ready</translation>
        </message>
        <message>
            <source>You receive chats</source>
            <translation>You receive chats</translation>
        </message>
        <message>
            <source>You receive no chats</source>
            <translation>You receive no chats</translation>
        </message>
        <message>
            <source>No messaging backend is available. See the notice above.</source>
            <translation>No messaging backend is available. See the notice above.</translation>
        </message>
        <message>
            <source>You are Ready. New chats will appear here.</source>
            <translation>You are Ready. New chats will appear here.</translation>
        </message>
        <message>
            <source>Go Ready to receive chats.</source>
            <translation>Go Ready to receive chats.</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Connected</translation>
        </message>
        <message>
            <source>Reconnecting…</source>
            <translation>Reconnecting…</translation>
        </message>
        <message>
            <source>Connection failed</source>
            <translation>Connection failed</translation>
        </message>
    </context>
    <context>
        <name>MessageDelegate</name>
        <message>
            <source>Today</source>
            <extracomment>messages whose size, shown text, links and emoji are kept: several times the rows a transcript window holds. Not more: a full cache replaces an old entry with each new one, which leaves CPython's young-object count unchanged, so the new entries pile up uncollected until the next collection has to walk them all (20,000 made that a 6-12 ms pause) the "Show more…" pill under a collapsed message an emoji image's side in its glyph's cell (the font's glyphs have side bearings) message id -&gt; (length of its text, the text painted, whether it is collapsed)</extracomment>
            <translation>Today</translation>
        </message>
        <message>
            <source>Yesterday</source>
            <translation>Yesterday</translation>
        </message>
        <message>
            <source>Show more…</source>
            <translation>Show more…</translation>
        </message>
        <message>
            <source>{0} characters</source>
            <translation>{0} characters</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>Not sent · click to retry</source>
            <translation>Not sent · click to retry</translation>
        </message>
        <message>
            <source>Not sent · discarded</source>
            <translation>Not sent · discarded</translation>
        </message>
        <message>
            <source>✓✓ Read</source>
            <translation>✓✓ Read</translation>
        </message>
    </context>
    <context>
        <name>MessageViewer</name>
        <message>
            <source>Whole message</source>
            <extracomment>the longest block the viewer's document holds (a longer line is cut into several) a chunk ends at a space when there is one this close to its end the user state of a block that continues the line of the block before it</extracomment>
            <translation>Whole message</translation>
        </message>
        <message>
            <source>Message text</source>
            <translation>Message text</translation>
        </message>
        <message>
            <source>Copy all</source>
            <translation>Copy all</translation>
        </message>
        <message>
            <source>Copy the whole message</source>
            <translation>Copy the whole message</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Message from {0}</source>
            <translation>Message from {0}</translation>
        </message>
        <message>
            <source>{0}  ·  {1} characters</source>
            <translation>{0}  ·  {1} characters</translation>
        </message>
    </context>
    <context>
        <name>NoticeBanner</name>
        <message>
            <source>Notice</source>
            <extracomment>the only kinds of link a click in a transcript may open the most characters of a notice the banner shows transcript zoom notches, in percent of the application font</extracomment>
            <translation>Notice</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
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
            <translation>You</translation>
        </message>
        <message>
            <source>Colleague</source>
            <translation>Colleague</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
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
            <translation>Pending response</translation>
        </message>
        <message>
            <source>No reply pending</source>
            <translation>No reply pending</translation>
        </message>
        <message>
            <source>Waiting {0}</source>
            <translation>Waiting {0}</translation>
        </message>
        <message>
            <source>Overdue {0}</source>
            <translation>Overdue {0}</translation>
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
            <translation>Send the message</translation>
        </message>
        <message>
            <source>End the chat</source>
            <translation>End the chat</translation>
        </message>
        <message>
            <source>Mark Done</source>
            <translation>Mark Done</translation>
        </message>
        <message>
            <source>Transfer…</source>
            <translation>Transfer…</translation>
        </message>
        <message>
            <source>Conference…</source>
            <translation>Conference…</translation>
        </message>
        <message>
            <source>Consult a colleague…</source>
            <translation>Consult a colleague…</translation>
        </message>
        <message>
            <source>Insert a standard response…</source>
            <translation>Insert a standard response…</translation>
        </message>
        <message>
            <source>Insert an emoji…</source>
            <translation>Insert an emoji…</translation>
        </message>
        <message>
            <source>Push a link…</source>
            <translation>Push a link…</translation>
        </message>
        <message>
            <source>Next interaction</source>
            <translation>Next interaction</translation>
        </message>
        <message>
            <source>Previous interaction</source>
            <translation>Previous interaction</translation>
        </message>
        <message>
            <source>Ready / Not Ready</source>
            <translation>Ready / Not Ready</translation>
        </message>
        <message>
            <source>Accept the incoming chat</source>
            <translation>Accept the incoming chat</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>Reset zoom</source>
            <translation>Reset zoom</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>Spell check in English</source>
            <translation>Spell check in English</translation>
        </message>
        <message>
            <source>Spell check in French</source>
            <translation>Spell check in French</translation>
        </message>
        <message>
            <source>Turn spell check off</source>
            <translation>Turn spell check off</translation>
        </message>
    </context>
    <context>
        <name>ReplyNotification</name>
        <message>
            <source>A contact answered</source>
            <extracomment>above the incoming-chat notification, which takes the screen corner</extracomment>
            <translation>A contact answered</translation>
        </message>
        <message>
            <source>New reply</source>
            <translation>New reply</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Show the conversation</source>
            <translation>Show the conversation</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>{0} answered: {1}</source>
            <translation>{0} answered: {1}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Accept incoming chats automatically</source>
            <translation>Accept incoming chats automatically</translation>
        </message>
        <message>
            <source>Flash the taskbar while a reply is pending</source>
            <translation>Flash the taskbar while a reply is pending</translation>
        </message>
        <message>
            <source>Play a sound when a chat arrives</source>
            <translation>Play a sound when a chat arrives</translation>
        </message>
        <message>
            <source>Your user name</source>
            <translation>Your user name</translation>
        </message>
        <message>
            <source>Chat</source>
            <translation>Chat</translation>
        </message>
        <message>
            <source>Reply overdue (yellow) after</source>
            <translation>Reply overdue (yellow) after</translation>
        </message>
        <message>
            <source>Reply urgently overdue (red) after</source>
            <translation>Reply urgently overdue (red) after</translation>
        </message>
        <message>
            <source>Hide the typing notice after</source>
            <translation>Hide the typing notice after</translation>
        </message>
        <message>
            <source>Name shown to contacts</source>
            <translation>Name shown to contacts</translation>
        </message>
        <message>
            <source>Allow emojis</source>
            <translation>Allow emojis</translation>
        </message>
        <message>
            <source>Show the emoji picker</source>
            <translation>Show the emoji picker</translation>
        </message>
        <message>
            <source>Use the bundled emoji images</source>
            <translation>Use the bundled emoji images</translation>
        </message>
        <message>
            <source>Allow pushing web addresses</source>
            <translation>Allow pushing web addresses</translation>
        </message>
        <message>
            <source>Emoji and web addresses</source>
            <translation>Emoji and web addresses</translation>
        </message>
        <message>
            <source>Recent emojis kept</source>
            <translation>Recent emojis kept</translation>
        </message>
        <message>
            <source>Web addresses remembered</source>
            <translation>Web addresses remembered</translation>
        </message>
        <message>
            <source>A disposition code is required to mark Done</source>
            <translation>A disposition code is required to mark Done</translation>
        </message>
        <message>
            <source>Disposition</source>
            <translation>Disposition</translation>
        </message>
        <message>
            <source>Codes, one per line</source>
            <translation>Codes, one per line</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>High contrast</source>
            <translation>High contrast</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Appearance</translation>
        </message>
        <message>
            <source>Language (after a restart)</source>
            <translation>Language (after a restart)</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Theme</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Every control is also reachable with Tab and Shift+Tab.</source>
            <translation>Every control is also reachable with Tab and Shift+Tab.</translation>
        </message>
    </context>
    <context>
        <name>StandardResponsePopup</name>
        <message>
            <source>Standard responses</source>
            <translation>Standard responses</translation>
        </message>
        <message>
            <source>Search standard responses</source>
            <translation>Search standard responses</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Enter inserts · Esc closes</source>
            <translation>Enter inserts · Esc closes</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>No standard responses are available.</source>
            <translation>No standard responses are available.</translation>
        </message>
        <message>
            <source>No standard response matches “{0}”.</source>
            <translation>No standard response matches “{0}”.</translation>
        </message>
    </context>
    <context>
        <name>StatsButton</name>
        <message>
            <source>My statistics</source>
            <translation>My statistics</translation>
        </message>
    </context>
    <context>
        <name>StatsPanel</name>
        <message>
            <source>My statistics</source>
            <extracomment>the figures refresh on their own this often while the panel is shown (day rollover)</extracomment>
            <translation>My statistics</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>This week</translation>
        </message>
        <message>
            <source>Handled chats</source>
            <translation>Handled chats</translation>
        </message>
        <message>
            <source>Average handle time</source>
            <translation>Average handle time</translation>
        </message>
        <message>
            <source>Average first reply</source>
            <translation>Average first reply</translation>
        </message>
        <message>
            <source>Worst first reply</source>
            <translation>Worst first reply</translation>
        </message>
        <message>
            <source>Replies in time</source>
            <translation>Replies in time</translation>
        </message>
        <message>
            <source>Average talk time</source>
            <translation>Average talk time</translation>
        </message>
        <message>
            <source>Average wrap-up</source>
            <translation>Average wrap-up</translation>
        </message>
        <message>
            <source>Figures per channel</source>
            <translation>Figures per channel</translation>
        </message>
        <message>
            <source>Replies per hour</source>
            <translation>Replies per hour</translation>
        </message>
        <message>
            <source>Response time distribution</source>
            <translation>Response time distribution</translation>
        </message>
        <message>
            <source>Response times</source>
            <translation>Response times</translation>
        </message>
        <message>
            <source>Export from</source>
            <translation>Export from</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>Export to</translation>
        </message>
        <message>
            <source>What to export</source>
            <translation>What to export</translation>
        </message>
        <message>
            <source>One line per interaction</source>
            <translation>One line per interaction</translation>
        </message>
        <message>
            <source>Every recorded event</source>
            <translation>Every recorded event</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Export my interaction log as CSV</source>
            <translation>Export my interaction log as CSV</translation>
        </message>
        <message>
            <source>Export status</source>
            <translation>Export status</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>How the figures are counted</source>
            <translation>How the figures are counted</translation>
        </message>
        <message>
            <source>A chat counts on the day it was accepted, once it is marked Done or transferred. Talk time: while its view is in front of you and the chat is live.</source>
            <translation>A chat counts on the day it was accepted, once it is marked Done or transferred. Talk time: while its view is in front of you and the chat is live.</translation>
        </message>
        <message>
            <source>This week, from {0}. A chat counts in the week it was accepted, once it is marked Done or transferred.</source>
            <translation>This week, from {0}. A chat counts in the week it was accepted, once it is marked Done or transferred.</translation>
        </message>
        <message>
            <source>Replies within {0}</source>
            <translation>Replies within {0}</translation>
        </message>
        <message>
            <source>No replies yet</source>
            <translation>No replies yet</translation>
        </message>
        <message>
            <source>Busiest hour: {0}:00, {1} replies</source>
            <translation>Busiest hour: {0}:00, {1} replies</translation>
        </message>
        <message>
            <source>Export my interaction log</source>
            <translation>Export my interaction log</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>1 line written to {0}</source>
            <translation>1 line written to {0}</translation>
        </message>
        <message>
            <source>{0} lines written to {1}</source>
            <translation>{0} lines written to {1}</translation>
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Transcript</source>
            <extracomment>rows measured per idle turn when the view measures the next page ahead of need the next page is measured ahead once the view is within this many screens of an end</extracomment>
            <translation>Transcript</translation>
        </message>
    </context>
    <context>
        <name>UrlEditor</name>
        <message>
            <source>Push a link</source>
            <translation>Push a link</translation>
        </message>
        <message>
            <source>Link to send</source>
            <translation>Link to send</translation>
        </message>
        <message>
            <source>https://… — a link for the contact to open</source>
            <translation>https://… — a link for the contact to open</translation>
        </message>
        <message>
            <source>Sent links</source>
            <translation>Sent links</translation>
        </message>
        <message>
            <source>Links you have sent (Alt+Down)</source>
            <translation>Links you have sent (Alt+Down)</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Open the link in the browser</source>
            <translation>Open the link in the browser</translation>
        </message>
        <message>
            <source>Check the page in your browser</source>
            <translation>Check the page in your browser</translation>
        </message>
        <message>
            <source>Send link</source>
            <translation>Send link</translation>
        </message>
        <message>
            <source>Send the link</source>
            <translation>Send the link</translation>
        </message>
        <message>
            <source>Send the link to the contact (Enter)</source>
            <translation>Send the link to the contact (Enter)</translation>
        </message>
        <message>
            <source>Link problem</source>
            <translation>Link problem</translation>
        </message>
    </context>
    <context>
        <name>UrlHistoryList</name>
        <message>
            <source>Sent links</source>
            <translation>Sent links</translation>
        </message>
    </context>
</TS>
