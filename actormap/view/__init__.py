"""What to show: filters and selections, layouts, colours, shapes and labels, the network view and its HTML page."""
