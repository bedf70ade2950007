"""The demo programmes, built through the platform's services; nothing imports this app.

`citypeers demo` (`management/commands/demo.py`) runs `build.load_demo`: accounts, the
Cultural Heritage in Action 2021 programme with its practices, visits and closed call, and the
next round with its open calls. Every part is idempotent.
"""
