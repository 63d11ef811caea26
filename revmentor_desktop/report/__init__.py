"""What the user takes away: chart figures and the PDF summary (QtGui documents, no widgets)."""
