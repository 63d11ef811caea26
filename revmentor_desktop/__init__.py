"""RevMentor Desktop: one reverse-mentoring partnership, kept in a file the pair owns."""

__version__ = "0.2.0"
APP_NAME = "RevMentor"
ORG_NAME = "RevMentor"
FILE_SUFFIX = ".revmentor"
