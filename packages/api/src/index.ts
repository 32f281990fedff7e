// @baomi/api: the HTTP API contract, written once in TypeBox and imported by the server (validation,
// serialisation, OpenAPI) and by the web app (types). One file per module.
export {};
