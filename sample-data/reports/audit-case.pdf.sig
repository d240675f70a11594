{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "audit-case.pdf",
  "reportSha256" : "ee89807498c2a6dfade097afa86520e2e1a891a506c6d3c5d7545010fb748439",
  "verifiedThroughPosition" : 625,
  "headHash" : "01a5ee30431fd61ac72dfbc8a1e47027c007df769c9d97d3b7ae6500f60cb3a9",
  "signature" : "RjF4uJvLMQTdY1J56Zh06lR/9nVvjdyzgdtEmM9/OhLbArSa9m1DqWZcJl04EN2YRNWBITf3eFNLEq47koVoCg=="
}