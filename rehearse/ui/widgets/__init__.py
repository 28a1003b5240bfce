"""Widgets of the negotiation screen."""
