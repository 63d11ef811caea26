"""One window per file: the local channel (a Unix-domain socket or named pipe, never the network)
by which a second RevMentor asks the window that has the file open to come to the front."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from revmentor_desktop.ui import file_identity

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

#: How long to wait for the window that has the file to answer (ms): it is on this computer.
ANSWER_WITHIN_MS = 300


def channel_name(path: Path) -> str:
    """The channel of the window holding `path`, named by the file itself, not by the name used for
    it: a hard link or a symlink reaches the same window."""
    return f"revmentor-{file_identity.file_key(path)}"


def ask_owner_to_come_forward(path: Path) -> bool:
    """Ask the window that has `path` open (in this or another process) to come to the front.
    False when nobody answered (the file's lock may still be held: the channel is a convenience)."""
    from PySide6.QtNetwork import QLocalSocket  # only when a second window is refused

    sock = QLocalSocket()
    sock.connectToServer(channel_name(path))
    if not sock.waitForConnected(ANSWER_WITHIN_MS):
        return False
    sock.write(b"raise\n")
    sock.waitForBytesWritten(ANSWER_WITHIN_MS)
    sock.disconnectFromServer()
    return True


class RaiseChannel(QObject):
    """Listens, while a file is open, for another RevMentor asking for the same file."""

    asked = Signal()  # someone tried to open our file again: the window should come forward

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None

    def listen(self, path: Path) -> None:
        """Answer for `path` from now on (and no longer for any file before it)."""
        from PySide6.QtNetwork import QLocalServer

        name = channel_name(path)
        if self._server is not None and self._server.serverName() == name:
            return  # answering for it already
        self.stop()
        QLocalServer.removeServer(name)  # a channel left by a crashed process (we hold the lock)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            server.deleteLater()
            return  # bringing the window forward is a convenience; the lock still protects the file
        server.newConnection.connect(self._answer)
        self._server = server

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _answer(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            conn = server.nextPendingConnection()
            if conn is not None:
                conn.disconnected.connect(conn.deleteLater)
        self.asked.emit()
