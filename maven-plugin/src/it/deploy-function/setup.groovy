// Starts the emulator's local Lambda service in this JVM on a free port for the two deploys, gives
// its address to the builds as lambda.deploy.endpoint, and makes sure it stops: verify.groovy closes
// it, and a shutdown hook does if a build fails before verify.groovy runs.
import dev.lambdaruntime.emulator.service.LocalLambdaService

File log = new File(basedir, 'functions.log')
LocalLambdaService service = LocalLambdaService.builder()
	.logOutput { line -> log.append(line + '\n') }
	.build()
Thread stop = new Thread({ service.close() }, 'deploy-function-it-stop')
Runtime.runtime.addShutdownHook(stop)
context.put('lambdaService', service)
context.put('lambdaServiceStop', stop)
context.get('userProperties').put('lambda.deploy.endpoint', service.endpoint())
return true
