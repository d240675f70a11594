{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "audit-case-user-m.vogt.html",
  "reportSha256" : "c641fea95b9c260fccb0ecb1db7dfbf2e8a8a55f2aa5c1098154afcb8cd03ede",
  "verifiedThroughPosition" : 621,
  "headHash" : "7d58136fa459b9437390ef3d2385c93f1fd1923ecd154b3bf79b29e5b38bf10f",
  "signature" : "BndbuinjIOrWEj6hJJxBbJ04ScmMZZBLYQZ0I3uWjTubiauJg7hZy1zp8EvDIroiVtgrt9gzOELiuBy8Z6ZaBg=="
}