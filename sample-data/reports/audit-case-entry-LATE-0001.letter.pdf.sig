{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "audit-case-entry-LATE-0001.letter.pdf",
  "reportSha256" : "42685b44c2e30cb4a48906090fc59ca651b783381b804a3db1e8d28a79b9675a",
  "verifiedThroughPosition" : 625,
  "headHash" : "5de7598f539cbf6845926659aa93695cb509d4429375103788b3d6f7b6bf9d0e",
  "signature" : "KQ1J3hmIrRMES3n+IG309jXHcxlEArXH2QCiueGTxCWNle/vkM8cLVAQb9H07bXbOaG8XhRWCZaNW+M/bQl2Cg=="
}