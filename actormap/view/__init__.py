"""What to show: filters and selections, layouts, colours and shapes, the network view and its HTML page."""
