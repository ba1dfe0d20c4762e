using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using BenchmarkDotNet.Attributes;
using FluentValidation;
using FluentValidation.Results;

namespace AssetAuction.Benchmarks;

/// <summary>
/// A RegisterSeizure request (the compare run's) through its validator: FluentValidation's asynchronous path, which
/// the validation interceptor used to take, against the synchronous one it takes now (see RequestValidation).
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly AssetAuction.Service.Seizures.RegisterSeizure.Validator _validator = new(TimeProvider.System);
    private readonly RegisterSeizureRequest _request = Workload.Seizure("bench", 1, "BENCH-01", Workload.Today());

    [Benchmark(Baseline = true)]
    public Task<ValidationResult> Asynchronous() => _validator.ValidateAsync(_request);

    [Benchmark]
    public ValueTask<ValidationResult> AsTheInterceptorDoes() => RequestValidation.ValidateAsync(_validator, _request, CancellationToken.None);
}
