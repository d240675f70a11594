{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA485ILqxJQP/2YWCwtREpjk6YLBlhhuNOGv0+qQ4Ncro=",
  "publicKeyFingerprint" : "909a6e79b855578a101f849a9f8864b2b4b09c0c814ffbab76b54bba2c04bf0b",
  "report" : "household-two-currencies.html",
  "reportSha256" : "51129d9da4bd46ebf63f1b18b447c31fb094615b5b0f1bed355863dbce3b0a03",
  "verifiedThroughPosition" : 686,
  "headHash" : "0bc4e6f7417588171d81ec5e2d69936bee1d35a07fb5f47953fc7de0d341ec52",
  "signature" : "LM4JrhstPUb6BAXohF6B8YweFg9XjSxMlve9rUZK4CBGoX++N/3b8ETwTC+dDnfUJKRnkjHQd2W3hZCPJdIhDw=="
}