"""The partnership file and everything in it: tables, the store, operations, pure computations.

No Qt and no matplotlib here: this package works from a script or a test with no display.
"""
