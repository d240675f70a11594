{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "audit-case.csv",
  "reportSha256" : "b5a19fd5960e25731f81d94ad40ade2ebee815e966365687b6e49503433e3e9a",
  "verifiedThroughPosition" : 625,
  "headHash" : "d142bacae07f34986d04efea47846c99cb4966157aaf9d3097dfaa68dc417ef6",
  "signature" : "dNwavs679GCJuH+bHuWoy5SBYAP5x8eB3zEDDIQIFXyH7S/JLM6PrmQXKRoXIZqizOl3uox+UAec6FhcqguYAw=="
}