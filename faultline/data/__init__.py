"""Domain knowledge as versioned data files (read through the stage loaders)."""
