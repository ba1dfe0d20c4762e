using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi.Models;

namespace AssetAuction.Service.Rest;

/// <summary>
/// The REST face: every unary RPC is also JSON over HTTP (HTTP/1.1 or HTTP/2) through gRPC JSON
/// transcoding, on the routes of the google.api.http annotations in protos/. A transcoded call runs
/// the same gRPC pipeline (authentication, the interceptors for errors, roles and validation, the
/// handlers with their idempotency), so the rules cannot differ between the two faces. Errors come
/// back as google.rpc.Status JSON. Server streaming (StreamEvents, StreamAuctionRounds) stays gRPC.
/// The OpenAPI document is served at /openapi/v1.json (anonymous) and checked in as openapi/v1.json.
/// </summary>
internal static class RestSetup
{
    public const string OpenApiRoute = "/openapi/{documentName}.json";

    public static IServiceCollection AddAssetAuctionRest(this IServiceCollection services)
    {
        // The error details the service sends (ExceptionInterceptor), so google.rpc.Status reads in full as JSON.
        services.AddGrpc().AddJsonTranscoding(o => o.TypeRegistry = TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, PreconditionFailure.Descriptor));
        services.AddGrpcSwagger();
        services.AddSingleton<IApiDescriptionProvider, TranscodedPaths>();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "AssetAuction",
                Version = "v1",
                Description = "Seized assets from seizure to sale, and the proceeds to the creditors (Vietnam's civil judgment enforcement). " +
                    "JSON transcoding of the gRPC API assetauction.v1: the same rules, roles, errors (google.rpc.Status) and idempotency (request_id). " +
                    "Server-streaming RPCs are gRPC only.",
            });
            // Group by the full template (TranscodedPaths): the default drops `=assets/*`, and GetAsset,
            // GetAuctionOrganization and GetDistributionPlan would collide on GET /v1/{name}.
            o.SwaggerGeneratorOptions.PathGroupSelector = description => description.RelativePath;
            o.CustomSchemaIds(SchemaId);
            o.AddSecurityDefinition("bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" });
            o.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });

            // Each RPC's comment (who may call it, which errors it returns) from the contracts' XML docs.
            var docs = Path.Combine(AppContext.BaseDirectory, "AssetAuction.Contracts.xml");
            if (File.Exists(docs))
            {
                o.IncludeXmlComments(docs);
                o.IncludeGrpcXmlComments(docs, includeControllerXmlComments: true);
            }
        });
        return services;
    }

    /// <summary>Nested proto types (every State enum is `X.Types.State` in C#) by their qualified name: TimeLimit.State.</summary>
    private static string SchemaId(Type type)
    {
        if (type.IsGenericType)
        {
            return type.Name.Split('`')[0] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId));
        }

        var name = (type.FullName ?? type.Name).Replace("+Types+", ".", StringComparison.Ordinal).Replace('+', '.');
        const string Ours = "AssetAuction.Contracts.V1.";
        return name.StartsWith(Ours, StringComparison.Ordinal) ? name[Ours.Length..] : name;
    }

    public static WebApplication MapAssetAuctionRest(this WebApplication app)
    {
        app.MapSwagger(OpenApiRoute).AllowAnonymous();
        return app;
    }
}
