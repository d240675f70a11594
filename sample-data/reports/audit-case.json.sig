{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "audit-case.json",
  "reportSha256" : "d61049f60853c354f9e568526085a4db59b1c35649ead4c4c8102766cdb497a4",
  "verifiedThroughPosition" : 625,
  "headHash" : "01a5ee30431fd61ac72dfbc8a1e47027c007df769c9d97d3b7ae6500f60cb3a9",
  "signature" : "OZWMuicNo4dG4hkZ2U5cOwn/ao+31WFoithz0kCMmRMTyJfda4LMpOt+Ot/5iNFikcxe01rQCHu21Mua9YAXBQ=="
}