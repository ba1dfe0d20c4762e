using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;
using Google.Protobuf;

namespace AssetAuction.Cli.Commands;

/// <summary>`seizure register --file act.json` (a RegisterSeizureRequest in proto3 JSON; samples/seizure.json
/// is one) and `seizure release NAME --reason ...`.</summary>
internal static class SeizureCommands
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static Command Build(CliHost host)
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The seizure act as JSON (RegisterSeizureRequest in proto3 JSON).", Required = true };
        var requestId = CliCommand.RequestId();
        var register = CliCommand.Create(host, "register", "Register a seizure act and its assets from a JSON file.", [file, requestId], async context =>
        {
            var request = Read(context.Value(file));

            // The file's own request_id wins: re-running the same file is then a harmless retry.
            if (request.RequestId.Length == 0)
            {
                request.RequestId = context.NewRequestId(requestId);
            }

            var response = await new SeizureService.SeizureServiceClient(context.Channel).RegisterSeizureAsync(request, cancellationToken: context.Cancellation);
            context.Printer.Print(response, AssetSections.List($"Seizure {response.Seizure.Name} ({response.Seizure.MinutesNumber})", response.Assets));
        });

        var name = CliCommand.Name("The asset, as assets/{id}.");
        var reason = CliCommand.Text("--reason", "Why the seizure is released.", required: true);
        var etag = CliCommand.Text("--etag", "The etag last read; the current one when omitted.");
        var releaseId = CliCommand.RequestId();
        var release = CliCommand.Create(host, "release", "Release one seized asset.", [name, reason, etag, releaseId], async context =>
        {
            var client = new SeizureService.SeizureServiceClient(context.Channel);
            var asset = context.Value(name);
            var currentEtag = context.Value(etag) ?? (await client.GetAssetAsync(new GetAssetRequest { Name = asset }, cancellationToken: context.Cancellation)).Asset.Etag;
            var response = await client.ReleaseSeizureAsync(
                new ReleaseSeizureRequest { RequestId = context.NewRequestId(releaseId), Name = asset, Etag = currentEtag, Reason = context.Value(reason)! },
                cancellationToken: context.Cancellation);
            context.Printer.Print(response, AssetSections.List("Released", [response.Asset]));
        });

        return CliCommand.Group("seizure", "Seizure acts.", register, release);
    }

    private static RegisterSeizureRequest Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new UsageException($"{file.FullName} does not exist.");
        }

        try
        {
            return Parser.Parse<RegisterSeizureRequest>(File.ReadAllText(file.FullName));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new UsageException($"{file.Name} is not a RegisterSeizureRequest in proto3 JSON: {e.Message}");
        }
        catch (InvalidJsonException e)
        {
            throw new UsageException($"{file.Name} is not valid JSON: {e.Message}");
        }
    }
}
