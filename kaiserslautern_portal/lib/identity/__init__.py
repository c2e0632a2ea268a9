"""The site's identity (city, programme, operator, sender, colours, logo) as one record editors change in the admin.

A Django app inside the ground: every app may read it (`site_identity()` in `current.py`), it imports none of them.
"""
