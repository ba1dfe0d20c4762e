using System.Text.RegularExpressions;
using Google.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace AssetAuction.Service.Rest;

/// <summary>
/// Gives each transcoded operation in the OpenAPI document its full route template. Grpc.Swagger
/// shortens a variable with a path pattern to its name (`/v1/{name=assets/*}` reads `/v1/{name}`), so
/// GetAsset, GetAuctionOrganization and GetDistributionPlan would all claim `GET /v1/{name}` and the
/// document could not be built. The template is written as the google.api.http rule has it (as
/// grpc-gateway's OpenAPI output does): `name` is the whole resource name, `assets/{id}`.
/// </summary>
internal sealed partial class TranscodedPaths : IApiDescriptionProvider
{
    // After Grpc.Swagger's provider has added the descriptions.
    public int Order => int.MaxValue;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            // The endpoint's own metadata comes last (what EndpointMetadataCollection.GetMetadata returns).
            var rule = description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().LastOrDefault()?.HttpRule;
            if (rule is null)
            {
                continue;
            }

            var match = new[] { rule }.Concat(rule.AdditionalBindings)
                .Select(Pattern)
                .FirstOrDefault(p => p.Method == description.HttpMethod && Shortened(p.Path) == description.RelativePath);
            if (match.Path is not null)
            {
                description.RelativePath = match.Path.TrimStart('/');
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private static (string Method, string Path) Pattern(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
        HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
        HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
        _ => ("", ""),
    };

    private static string Shortened(string path) => Variable().Replace(path, "{$1}").TrimStart('/');

    [GeneratedRegex(@"\{([^}=]+)=[^}]*\}")]
    private static partial Regex Variable();
}
