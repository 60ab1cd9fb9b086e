// lambda-runtime:run -Dlambda.function=greet served greet (of two functions), printed its answer to the
// saved event, and that answer, through the Invoke API with X-Amz-Log-Type: Tail, carried the function's own log line
def build = new File(basedir, 'build.log').text
def answer = build.substring(build.indexOf('First event: {"name": "Ada"}'))
def requestId = (answer =~ /Response: \{"message":"Hello, Ada!"\} \(request ([0-9a-f-]{36})\)/)[0][1]
def tail = answer.substring(answer.indexOf('Log tail (X-Amz-Log-Result):'), answer.indexOf('The whole log: '))
assert tail.contains('START RequestId: ' + requestId)
assert tail.contains('Greeting Ada from the function itself')
assert tail.contains('REPORT RequestId: ' + requestId)
// the function's whole log went to its file
def log = new File(basedir, 'target/lambda-run.log').text
assert log.contains("Lambda function 'greet' is ready")
assert log.contains('Greeting Ada from the function itself')
