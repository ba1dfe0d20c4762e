using System.Globalization;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>
/// Every RPC, called as a hostile or clumsy client would: structure-aware random messages (every field set or not,
/// boundary numbers, junk and plausible strings, out-of-range enums, dates and instants), random bytes, and bit
/// flips of valid encodings. No input may end INTERNAL or UNKNOWN. A bounded number of cases per RPC and run;
/// the seed is printed so a failure can be replayed (set FUZZ_SEED).
/// </summary>
public sealed class FuzzTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private const int StructuredPerRpc = 12;
    private const int RandomBytesPerRpc = 4;
    private const int BitFlipsPerRpc = 6;

    private static readonly long[] Numbers = [0, 1, -1, 2, 7, 50, 500, 501, 1000, 1001, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1_000_000_000_000_000, 253_402_300_800, 999_999_999, 1_000_000_000];

    [Fact]
    public async Task No_input_to_any_RPC_is_answered_internal_or_unknown()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        output.WriteLine($"FUZZ_SEED={seed}");
        var random = new Random(seed);

        // Real names to aim at, so random requests also reach handlers past the validators.
        var asset = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var strings = new[] { "", " ", asset.Name, asset.Name + "/auctions/1", asset.Etag, "assets/nope", Guid.NewGuid().ToString(), TestData.Office, "auctionOrganizations/x", "ledgerTransactions/1", "distributionPlans/1", "\u0000", "Nguyễn", new string('x', 300), "../../etc", "assets/" + new string('9', 40) };

        var failures = new List<string>();
        var calls = 0;
        foreach (var serviceDescriptor in RpcPermissions.Services)
        {
            foreach (var method in serviceDescriptor.Methods)
            {
                var path = RpcPermissions.Path(serviceDescriptor, method.Name);
                var role = RpcPermissions.RolesFor(path).First();
                using var channel = service.Channel(service.Token(role, role is Roles.Supervisor or Roles.AuctionOrganization ? "" : TestData.Office, role == Roles.AuctionOrganization ? "org-1" : ""));
                var bodies = new List<(string Kind, byte[] Body)>();
                for (var i = 0; i < StructuredPerRpc; i++)
                {
                    bodies.Add(("structured", RandomMessage(method.InputType, random, strings, 0).ToByteArray()));
                }

                for (var i = 0; i < RandomBytesPerRpc; i++)
                {
                    var junk = new byte[random.Next(1, 64)];
                    random.NextBytes(junk);
                    bodies.Add(("random bytes", junk));
                }

                for (var i = 0; i < BitFlipsPerRpc; i++)
                {
                    var body = RandomMessage(method.InputType, random, strings, 0).ToByteArray();
                    if (body.Length == 0)
                    {
                        continue;
                    }

                    for (var flips = random.Next(1, 4); flips > 0; flips--)
                    {
                        var bit = random.Next(body.Length * 8);
                        body[bit / 8] ^= (byte)(1 << (bit % 8));
                    }

                    bodies.Add(("bit flips", body));
                }

                foreach (var (kind, body) in bodies)
                {
                    calls++;
                    var error = method.IsServerStreaming
                        ? await RawCalls.ServerStreamAsync(channel, path, body, TimeSpan.FromMilliseconds(500))
                        : await RawCalls.UnaryAsync(channel, path, body);
                    if (error?.StatusCode is StatusCode.Internal or StatusCode.Unknown)
                    {
                        failures.Add($"{path} {kind} {Convert.ToBase64String(body)}: {error.StatusCode} {error.Status.Detail}");
                    }
                }
            }
        }

        output.WriteLine($"{calls} calls");
        Assert.True(failures.Count == 0, $"FUZZ_SEED={seed}: {failures.Count} of {calls} calls failed:\n" + string.Join("\n", failures.Take(20)));
    }

    private static IMessage RandomMessage(MessageDescriptor descriptor, Random random, string[] strings, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            // Most fields set near the top, fewer deeper down, so messages stay small but varied.
            if (random.NextDouble() < (depth == 0 ? 0.25 : 0.5) || (field.RealContainingOneof is not null && random.Next(2) == 0))
            {
                continue;
            }

            if (field.IsMap)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                for (var n = random.Next(0, 4); n > 0; n--)
                {
                    if (Value(field, random, strings, depth) is { } item)
                    {
                        list.Add(item);
                    }
                }
            }
            else if (Value(field, random, strings, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }

        return message;
    }

    private static object? Value(FieldDescriptor field, Random random, string[] strings, int depth)
    {
        long Number() => random.Next(3) == 0 ? random.NextInt64(-1000, 1_000_000_000_000) : Numbers[random.Next(Numbers.Length)];
        return field.FieldType switch
        {
            FieldType.String => strings[random.Next(strings.Length)],
            FieldType.Bytes => ByteString.CopyFrom(strings[random.Next(strings.Length)], System.Text.Encoding.UTF8),
            FieldType.Bool => random.Next(2) == 0,
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Number(),
            FieldType.UInt64 or FieldType.Fixed64 => (ulong)Number(),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)Number(),
            FieldType.UInt32 or FieldType.Fixed32 => (uint)Number(),
            FieldType.Double => random.Next(4) switch { 0 => double.NaN, 1 => -1.5, 2 => 1e300, _ => random.NextDouble() * 1000 },
            FieldType.Float => (float)(random.NextDouble() * 1000),
            FieldType.Enum => random.Next(4) == 0 ? random.Next(-5, 100) : field.EnumType.Values[random.Next(field.EnumType.Values.Count)].Number,
            FieldType.Message when depth < 4 => field.MessageType.FullName switch
            {
                "google.type.Date" => new Google.Type.Date { Year = random.Next(4) == 0 ? (int)Number() : random.Next(1890, 2110), Month = random.Next(-1, 14), Day = random.Next(-1, 33) },
                "google.protobuf.Timestamp" => new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = random.Next(3) == 0 ? Number() : random.NextInt64(1_700_000_000, 1_900_000_000), Nanos = random.Next(4) == 0 ? (int)Number() : 0 },
                _ => RandomMessage(field.MessageType, random, strings, depth + 1),
            },
            _ => null,
        };
    }
}
