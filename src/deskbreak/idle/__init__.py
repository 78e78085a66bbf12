"""Sources of "seconds since the last keyboard or mouse input", one small adapter per desktop."""
