{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "audit-case.pdf",
  "reportSha256" : "1c02f737c1b5ff80b51969b23b64f10a56fb10ea5030637224191e5b0a17dbe5",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "4KAIgWZa8jcymVAbJCMZhR8Nc/+9ATvqqCPTzouyxmVx6v/ijBNYImR9pG0sX1JYR0IDvwAvQzo9SagkYcEjAA=="
}