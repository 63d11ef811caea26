"""A released step never changes: old files hold its SQL text, and the integrity check compares a
file's layout with what its version's steps make. Steps 2 to 4 build the search index's SQL from its
column lists (data/migrations.py); these digests pin the text every step was released with."""

from __future__ import annotations

import hashlib

import pytest

from revmentor_desktop.data import migrations

RELEASED = {
    "_V1": "6aba285c878e9e6dc4e27d2dbe456b746e4de544dfd28d8930f1bf0ba0a096d3",
    "_V2": "a82b4de140b8a28092a55c1c7be16072d4ff208d3a911c7741288b0ab5f59f5b",
    "_REINDEX": "af4274c59edd877bf91331cb7f289eeb46d62bcfcd57a68c5c8c3fb818cb72c0",
    "_V3": "d62c8ebf187742c33740851fa0491d0e36c9d563ca78ffbd769f24beaadf13e7",
    "_REINDEX_3": "2f4c9e04c45e33a47197dacf4a732a361f68d1b8d117a8f25aaa03047e5f08e4",
    "_V4": "ab332e20b91008e09195dd580b610bb28d5e84efdb133556424ec97304eea328",
}


@pytest.mark.parametrize("name", RELEASED)
def test_a_released_step_keeps_its_sql_to_the_byte(name: str) -> None:
    sql: str = getattr(migrations, name)
    assert hashlib.sha256(sql.encode()).hexdigest() == RELEASED[name], name


def test_the_search_index_sql_is_made_from_its_column_lists() -> None:
    for columns, sql in ((migrations._SEARCHED_2, migrations._V2),
                         (migrations._SEARCHED_3, migrations._V3)):
        table = sql[sql.index("CREATE VIRTUAL TABLE journal_fts"):]
        table = table[: table.index(");")]
        assert " ".join(table.split()).endswith(
            f"{', '.join(columns)}, action_text, tokenize='unicode61 remove_diacritics 2'")
        assert sql.count(f"NEW.{columns[-1]},") == 2  # the insert and the update trigger
