<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>The messaging backend could not be started: {0}</source>
            <translation>The messaging backend could not be started: {0}</translation>
        </message>
        <message>
            <source>Could not connect to the messaging backend: {0}</source>
            <extracomment>how often "the agent is typing" is re-sent while they keep typing the agent counts as no longer typing after this pause</extracomment>
            <translation>Could not connect to the messaging backend: {0}</translation>
        </message>
        <message>
            <source>Could not change your status: {0}</source>
            <translation>Could not change your status: {0}</translation>
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
            <source>A message could not be sent: {0}</source>
            <translation>A message could not be sent: {0}</translation>
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
        <name>ChatView</name>
        <message>
            <source>Chat with {0}</source>
            <translation>Chat with {0}</translation>
        </message>
        <message>
            <source>Contact</source>
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
            <source>Your settings file could not be read; defaults are used. The unreadable file was kept as {0}.</source>
            <extracomment>the folder of the log files, shown in About (set by the composition root)</extracomment>
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
            <source>Sending…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>Not sent · click to retry</source>
            <translation>Not sent · click to retry</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Read</translation>
        </message>
    </context>
    <context>
        <name>NoticeBanner</name>
        <message>
            <source>Notice</source>
            <extracomment>transcript zoom notches, in percent of the application font</extracomment>
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
        <name>TranscriptView</name>
        <message>
            <source>Transcript</source>
            <translation>Transcript</translation>
        </message>
    </context>
<context>
    <name></name>
    <message>
        <source>Could not search the contacts: {0}</source>
        <translation>Could not search the contacts: {0}</translation>
    </message>
    <message>
        <source>{0} was not sent. {1}</source>
        <translation>{0} was not sent. {1}</translation>
    </message>
    <message>
        <source>The image could not be sent: {0}</source>
        <translation>The image could not be sent: {0}</translation>
    </message>
    <message>
        <source>Could not start the chat: {0}</source>
        <translation>Could not start the chat: {0}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>The image is too large to send ({0}).</source>
        <translation>The image is too large to send ({0}).</translation>
    </message>
    <message>
        <source>Only PNG, JPEG and GIF images can be sent.</source>
        <translation>Only PNG, JPEG and GIF images can be sent.</translation>
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
</context>
<context>
    <name>ChannelSelector</name>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>The channel your message goes out on</source>
        <translation>The channel your message goes out on</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
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
        <translation>Search contacts</translation>
    </message>
    <message>
        <source>Search by name, e-mail or phone</source>
        <translation>Search by name, e-mail or phone</translation>
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
        <translation>Asynchronous conversation</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>Search the conversation</source>
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
        <source>Attach an image (PNG, JPEG or GIF)</source>
        <translation>Attach an image (PNG, JPEG or GIF)</translation>
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
    <name>ReplyNotification</name>
    <message>
        <source>A contact answered</source>
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
</TS>
