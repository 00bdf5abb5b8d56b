using System.Net.Sockets;
using GridActors.Api.Extensions;
using GridActors.Grains.Interfaces.Storage;
using GridActors.Silo.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace GridActors.Api.Tests.Errors;

/// <summary>
/// A database failure inside another exception, as a grain on another silo reports it: without the codec the
/// answer cannot be serialised at all (the client got a 500 while PostgreSQL restarted); with it an outage
/// arrives as <see cref="StorageUnavailableException"/>, a 503, and a defect still as a defect.
/// </summary>
public sealed class NpgsqlExceptionCodecTests
{
    [Fact]
    public void AnOutageWrappedInAGrainsFailure_CrossesAsStorageUnavailable()
    {
        var outage = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        var arrived = RoundTrip(new InvalidOperationException("Error reading the grid's state", outage));

        Assert.IsType<StorageUnavailableException>(arrived.InnerException);
        Assert.True(UnavailableExceptionHandler.IsUnavailable(arrived));
    }

    [Fact]
    public void ADefectWrappedInAGrainsFailure_CrossesAsADefect()
    {
        var defect = new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        var arrived = RoundTrip(new InvalidOperationException("Error writing", defect));

        Assert.Contains(PostgresErrorCodes.UniqueViolation, arrived.InnerException!.Message, StringComparison.Ordinal);
        Assert.False(UnavailableExceptionHandler.IsUnavailable(arrived));
    }

    [Fact]
    public void WithoutTheCodec_TheAnswerCannotBeSerialised()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var wrapped = new InvalidOperationException("outer", new NpgsqlException("Failed to connect"));

        Assert.Throws<CodecNotFoundException>(() => serializer.SerializeToArray<Exception>(wrapped));
    }

    private static Exception RoundTrip(Exception failure)
    {
        var serializer = new ServiceCollection()
            .AddSerializer()
            .AddSingleton<IGeneralizedCodec, NpgsqlExceptionCodec>()
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        return serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(failure))!;
    }
}
