{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "audit-case.csv",
  "reportSha256" : "979eacaa870001031ef61e1766bcf6ef81da7d3d4ed3f668b4d2c6b4707881ae",
  "verifiedThroughPosition" : 621,
  "headHash" : "7d58136fa459b9437390ef3d2385c93f1fd1923ecd154b3bf79b29e5b38bf10f",
  "signature" : "Q1hcoYObD3S/S9K12unO1vhszC8Sd5cT3MXadqqeEl17RJKISAtFYhG9Cm8ckKOpwZLc+qJH+fJNONaEm98xCQ=="
}