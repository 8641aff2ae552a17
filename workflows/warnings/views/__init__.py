"""The staff screens of cost surveillance (inside the Wagtail admin)."""
