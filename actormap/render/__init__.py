"""Drawing a map: colours and shapes, layouts, the filtered network view and its offline HTML page."""
