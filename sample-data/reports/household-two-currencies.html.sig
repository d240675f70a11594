{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "household-two-currencies.html",
  "reportSha256" : "076397aa38b4e0ae0d285c1780127b4861b0908ca2c34223046e38c580704f12",
  "verifiedThroughPosition" : 686,
  "headHash" : "5a678a62565fd995f2673a572c4fda51a3f8349b75d945967a88ea8020a02bfb",
  "signature" : "vfWml+UXrD98Zu6WD0R/BtuUzRlxLowAwkZuihKgw8yLHDIRPDgALTnF03Cv39fGI8M69DN74Khq0TEMf3uKBQ=="
}