"""Frequent questions and answers: an answered coordination request, rewritten for the public by
the answering unit's head and published next to the guidance it concerns."""
