"""Qt-aware, widget-free services: session, interaction store, settings, tasks."""
