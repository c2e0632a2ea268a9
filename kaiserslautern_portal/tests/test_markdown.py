from kaiserslautern_portal.lib.markdown import render_markdown


def test_script_and_event_handlers_come_out_harmless():
    html = render_markdown(
        'Text <script>alert("x")</script> <img src=x onerror="alert(1)"> [Link](javascript:alert(1)) '
        '<a href="https://example.org" onclick="steal()">ok</a>'
    )
    assert "<script" not in html
    assert "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in html


def test_markdown_becomes_structured_html():
    html = render_markdown("# Ziel\n\nEin **wichtiger** Satz.\n\n- eins\n- zwei")
    assert "<h2>Ziel</h2>" in html
    assert "<strong>wichtiger</strong>" in html
    assert "<li>eins</li>" in html
