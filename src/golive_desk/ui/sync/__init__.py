"""The Sync page: bundles out and in, peers, and the conflict inbox."""
