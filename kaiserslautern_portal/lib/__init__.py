"""The ground: helpers every app may use (cache, mail, Markdown, REST, staff checks). It imports no app."""
