binding.setVariable('event', '{"Records":[{"messageId":"1","body":"first"},{"messageId":"2","body":"second"}]}')
binding.setVariable('expectedAnswer', '["first","second"]')
binding.setVariable('keepFileTimes', true)
evaluate(new File(itSources, 'verify-bundle.groovy'))
