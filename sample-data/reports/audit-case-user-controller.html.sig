{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "audit-case-user-controller.html",
  "reportSha256" : "b7e78056d5c944c46073ce262748b651a44f65494954fdf5f704434b091d217c",
  "verifiedThroughPosition" : 625,
  "headHash" : "d142bacae07f34986d04efea47846c99cb4966157aaf9d3097dfaa68dc417ef6",
  "signature" : "2ftLhtsGK2OWyaalzj8gOzjywEl9ctTykJ1NIuh3bp9pzN78hjWs1F/PxYAJ6NgmelqKce/nI/+JkMwwCDOEDw=="
}