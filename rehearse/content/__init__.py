"""Persona content: playbook loading, validation and reply templates (headless)."""
