{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "audit-case.json",
  "reportSha256" : "0381274784c6fc8f499ba0624b81df839ba97e1f764ec3727f4236b6784c6243",
  "verifiedThroughPosition" : 621,
  "headHash" : "7d58136fa459b9437390ef3d2385c93f1fd1923ecd154b3bf79b29e5b38bf10f",
  "signature" : "cZnYusTn749JjuGNzugfKfsgMF5bA1wf5YlYAWVvtIwUSU/7VrYVSetLxZIUvK206LbhRH8MKpeLfY20YlB0Aw=="
}