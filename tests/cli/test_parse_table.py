"""`factcheck parse` as a table: long texts list the first rows and say where the rest are."""

import json

from typer.testing import CliRunner

from factcheck.cli import PARSE_TABLE_ROWS, app

runner = CliRunner()


def test_a_long_text_shows_the_first_rows_and_points_to_json():
    text = " ".join(f"Site {i} had {i + 7} workers." for i in range(PARSE_TABLE_ROWS + 40))
    table = runner.invoke(app, ["parse", text])
    assert table.exit_code == 0, table.output
    every = json.loads(runner.invoke(app, ["parse", text, "--format", "json"]).stdout)["quantities"]
    assert len(every) > PARSE_TABLE_ROWS
    assert f"{len(every)} quantities" in table.output
    assert f"the first {PARSE_TABLE_ROWS} of {len(every)}; --format json lists them all" in table.output
    shown = [q for q in every if f"{q['char_start']}-{q['char_end']}" in table.output]
    assert len(shown) == PARSE_TABLE_ROWS


def test_a_short_text_shows_every_row():
    table = runner.invoke(app, ["parse", "Site A had 12 workers and 3 trucks on 5 May 2021."])
    assert table.exit_code == 0 and "the first" not in table.output
    assert "12" in table.output and "2021-05-05" in table.output
