// After the two deploys into the local Lambda service: the function answers with the second build's code
// and configuration through the AWS SDK's LambdaClient (and the AWS CLI when it is installed), version 1
// still answers with the first build's code, the configuration is provided.al2023 with handler bootstrap,
// and the function is deleted. The service stops in any case.
import java.util.concurrent.TimeUnit
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
import software.amazon.awssdk.core.SdkBytes
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.lambda.LambdaClient
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException

def service = context.get('lambdaService')
assert service != null : 'setup.groovy did not start the local Lambda service'
String endpoint = service.endpoint()
try {
	String buildLog = new File(basedir, 'build.log').text
	assert buildLog.count('Creating Lambda function deploy-function') == 1
	assert buildLog.count('Updating the code of Lambda function deploy-function') == 1
	assert buildLog.contains("Invoke it: aws lambda invoke --function-name deploy-function --region us-east-1 --endpoint-url ${endpoint}")

	LambdaClient lambda = LambdaClient.builder()
		.endpointOverride(URI.create(endpoint))
		.region(Region.US_EAST_1)
		.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create('test', 'test')))
		.httpClient(UrlConnectionHttpClient.create())
		.build()
	lambda.withCloseable {
		def invoke = { String qualifier ->
			def response = lambda.invoke { request ->
				request.functionName('deploy-function').qualifier(qualifier).payload(SdkBytes.fromUtf8String('"world"'))
			}
			assert response.functionError() == null : response.payload().asUtf8String()
			response.payload().asUtf8String()
		}
		assert invoke(null) == '"Bonjour, world?"'
		assert invoke('1') == '"Hello, world!"'
		assert invoke('2') == '"Bonjour, world?"'

		def configuration = lambda.getFunctionConfiguration { it.functionName('deploy-function') }
		assert configuration.runtimeAsString() == 'provided.al2023'
		assert configuration.handler() == 'bootstrap'
		assert configuration.memorySize() == 1024
		assert configuration.timeout() == 20
		assert configuration.environment().variables() == [PUNCTUATION: '?']

		boolean awsCliRequired = Boolean.parseBoolean(awscliRequired)
		boolean awsCli = ['sh', '-c', 'command -v aws'].execute().waitFor() == 0
		assert awsCli || !awsCliRequired : 'the AWS CLI (aws) is not on the PATH, and -Dawscli.required=true'
		if (awsCli) {
			File event = new File(basedir, 'event.json')
			event.text = '"CLI"'
			File answer = new File(basedir, 'out.json')
			def aws = { List<String> arguments ->
				ProcessBuilder builder = new ProcessBuilder(['aws', 'lambda'] + arguments + ['--endpoint-url', endpoint, '--region', 'us-east-1'])
					.directory(basedir)
					.redirectErrorStream(true)
				builder.environment().putAll(AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test')
				Process process = builder.start()
				String output = process.inputStream.text
				assert process.waitFor(60, TimeUnit.SECONDS)
				assert process.exitValue() == 0 : output
				output
			}
			aws(['invoke', '--function-name', 'deploy-function', '--payload', 'fileb://event.json', 'out.json'])
			assert answer.text == '"Bonjour, CLI?"'
			String cliConfiguration = aws(['get-function-configuration', '--function-name', 'deploy-function'])
			assert cliConfiguration.contains('"Runtime": "provided.al2023"')
			assert cliConfiguration.contains('"Handler": "bootstrap"')
		}

		lambda.deleteFunction { it.functionName('deploy-function') }
		try {
			lambda.getFunction { it.functionName('deploy-function') }
			assert false : 'the function is still there after DeleteFunction'
		}
		catch (ResourceNotFoundException expected) {
		}
	}
}
finally {
	service.close()
	Runtime.runtime.removeShutdownHook(context.get('lambdaServiceStop'))
}
return true
