"""Views: one module per view, each a View subscribed to the session."""
