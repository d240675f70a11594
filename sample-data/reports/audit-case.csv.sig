{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "audit-case.csv",
  "reportSha256" : "eaa49c5b2b5019c7846dbc07179edb9b143f1fdec4cf7c8cca7a03374efd819e",
  "verifiedThroughPosition" : 625,
  "headHash" : "01a5ee30431fd61ac72dfbc8a1e47027c007df769c9d97d3b7ae6500f60cb3a9",
  "signature" : "WsvgA5HF5y3W10voKFLexGuiKnaqvdiDPXqtmFBlnvpgpdz9f1t2K04fbaiJsw3cFURwr0ZMaSWivWaaiRZwDQ=="
}