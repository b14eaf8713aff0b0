"""Datelines: the place and day a dispatch was filed from, parsed apart from its lede."""

from faultline.nlp.datelines import dateline_end


def test_a_place_written_as_a_name_opens_a_line_as_a_dateline():
    text = "Headline\n\nBaghdad - Two soldiers were killed.\nGunmen kill 12 - police"
    start = text.index("Baghdad")
    assert text[start:dateline_end(text, start)] == "Baghdad - "
    assert dateline_end(text, text.index("Gunmen")) is None
    assert dateline_end("Baghdad - Two soldiers were killed.") is None  # (the first line is the headline)
