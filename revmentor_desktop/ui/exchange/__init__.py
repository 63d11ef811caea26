"""The partner exchange from the window: writing my share, previewing and importing theirs (with a
choice per record both changed), and starting a file of my own from theirs."""
