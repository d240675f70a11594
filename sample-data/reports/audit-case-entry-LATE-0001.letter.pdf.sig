{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "audit-case-entry-LATE-0001.letter.pdf",
  "reportSha256" : "093ee21ba43e9adc887c844a5523b0f2e531b5aee8797506454fee8601a37a47",
  "verifiedThroughPosition" : 625,
  "headHash" : "01a5ee30431fd61ac72dfbc8a1e47027c007df769c9d97d3b7ae6500f60cb3a9",
  "signature" : "8wI7V5jPGSHkx8Yf2ryUvpGT1tCPrZdwFSSk1F3EGQyQeyNGeswieNE4bdR9fYShS2LQz+fp+afNAF0uZs8zDw=="
}